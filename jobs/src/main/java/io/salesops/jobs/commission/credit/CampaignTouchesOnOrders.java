package io.salesops.jobs.commission.credit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * For SPIFs attributed by campaign touches: per (customer, order date) of the events, the touches
 * of the SPIFs' campaigns on the customer's account (by the touch's account, else its contact's)
 * on or before the order date and within the longest lookback a SPIF asks for on that campaign.
 * Per campaign and kind of touch only the latest counts, as days before the order, so a large
 * account's thousand email opens make one entry. Dates are local (the session's time zone), like
 * order dates.
 *
 * <p>Columns: tk_customer, tk_date, campaign_touches (text as {@code calc.CampaignTouch.format}
 * writes it, in sorted order so a run's result does not depend on Spark's).
 */
final class CampaignTouchesOnOrders {

    private CampaignTouchesOnOrders() {
    }

    /** @param lookbacks campaign id → the longest lookback in days a SPIF on it asks for; not empty */
    static Dataset<Row> compute(Dataset<Row> events, Dataset<Row> customers, Dataset<Row> contacts,
                                Dataset<Row> touches, Map<String, Integer> lookbacks) {
        SparkSession spark = events.sparkSession();
        List<Row> rules = new ArrayList<>();
        lookbacks.forEach((campaign, days) -> rules.add(RowFactory.create(campaign, days)));
        Dataset<Row> lookback = spark.createDataFrame(rules, new StructType()
                .add("lb_campaign", DataTypes.StringType, false).add("lb_days", DataTypes.IntegerType, false));
        Dataset<Row> orders = events.where(col("customer_id").isNotNull())
                .select(col("customer_id").as("tk_customer"), col("order_date").as("tk_date")).distinct()
                .join(broadcast(customers.where(col("account_id").isNotNull())
                                .select(col("customer_id").as("tc_customer"), col("account_id").as("tk_account"))),
                        col("tk_customer").equalTo(col("tc_customer")))
                .drop("tc_customer");
        Dataset<Row> relevant = touches.join(broadcast(lookback), col("campaign_id").equalTo(col("lb_campaign")))
                .join(contacts.select(col("contact_id").as("ct_contact"), col("account_id").as("ct_account")),
                        col("contact_id").equalTo(col("ct_contact")), "left")
                .select(coalesce(col("account_id"), col("ct_account")).as("tt_account"),
                        col("campaign_id").as("tt_campaign"), col("touch_type").as("tt_type"),
                        to_date(col("touched_at")).as("tt_date"), col("lb_days"))
                .where(col("tt_account").isNotNull());
        return orders.join(relevant, col("tk_account").equalTo(col("tt_account"))
                        .and(col("tt_date").leq(col("tk_date")))
                        .and(col("tt_date").geq(date_sub(col("tk_date"), col("lb_days")))))
                .groupBy(col("tk_customer"), col("tk_date"), col("tt_campaign"), col("tt_type"))
                .agg(min(datediff(col("tk_date"), col("tt_date"))).as("tt_days"))
                .groupBy(col("tk_customer"), col("tk_date"))
                .agg(concat_ws(";", sort_array(collect_list(concat_ws(":", col("tt_campaign"),
                        col("tt_days").cast(DataTypes.StringType), col("tt_type"))))).as("campaign_touches"));
    }
}
