package io.salesops.jobs.worklist;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.spark.ToCny;
import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * churn_risk: customers whose ordering has stopped or dropped, each against its own history, as of
 * the period's last day. Over the 24 months to it, of the orders not cancelled: the usual interval
 * is the median of the days between consecutive order days (three order days at least); a customer
 * has {@code stopped} when its last order is more than twice that interval ago and at least 30
 * days; it has {@code dropped} when its last 12 months ordered 30 % less, or less, than the 12
 * before. Order values are tax included, in CNY at each order month's rate. Pure.
 */
public final class ChurnRisk {

    static final int STOPPED_FACTOR = 2;
    static final int STOPPED_MIN_DAYS = 30;
    static final double DROP = 0.30;

    private ChurnRisk() {
    }

    /**
     * @param orders    canonical orders, converted: {@code value_cny} per order
     * @param customers the canonical customers
     */
    public static Dataset<Row> of(Dataset<Row> orders, Dataset<Row> customers, YearMonth period) {
        Date last = Date.valueOf(period.atEndOfMonth());
        Date yearAgo = Date.valueOf(period.atEndOfMonth().minusMonths(12));
        Date twoYearsAgo = Date.valueOf(period.atEndOfMonth().minusMonths(24));
        Dataset<Row> window = orders.where(col("status").notEqual("cancelled")
                .and(col("order_date").leq(lit(last))).and(col("order_date").gt(lit(twoYearsAgo))));
        Dataset<Row> gaps = window.select("customer_id", "order_date").distinct()
                .withColumn("gap", datediff(col("order_date"),
                        lag("order_date", 1).over(Window.partitionBy("customer_id").orderBy("order_date"))))
                .groupBy(col("customer_id").as("g_customer"))
                .agg(count(lit(1)).as("order_days"), expr("percentile(gap, 0.5)").as("median_gap"));
        Dataset<Row> values = window.groupBy("customer_id").agg(max("order_date").as("last_order_date"),
                max_by(col("rep_id"), col("order_date")).as("owner"),
                coalesce(sum(when(col("order_date").gt(lit(yearAgo)), col("value_cny"))), lit(0)).as("last_12m"),
                coalesce(sum(when(col("order_date").leq(lit(yearAgo)), col("value_cny"))), lit(0)).as("prior_12m"));
        Column daysSince = datediff(lit(last), col("last_order_date"));
        Column interval = when(col("order_days").geq(3), col("median_gap"));
        Column stopped = coalesce(interval.isNotNull().and(daysSince.gt(interval.multiply(STOPPED_FACTOR)))
                .and(daysSince.geq(STOPPED_MIN_DAYS)), lit(false));
        Column dropped = col("prior_12m").gt(0).and(col("last_12m").leq(col("prior_12m").multiply(1 - DROP)));
        return values.join(gaps, col("customer_id").equalTo(col("g_customer")))
                .join(customers.select(col("customer_id").as("c_id"), col("customer_name"), col("region")),
                        col("customer_id").equalTo(col("c_id")), "left")
                .withColumn("stopped", stopped).withColumn("dropped", dropped)
                .where(col("stopped").or(col("dropped")))
                .select(lit(period.toString()).as("period"), col("customer_id"), col("customer_name"), col("owner"),
                        col("region"), col("last_order_date"), daysSince.cast("long").as("days_since_last_order"),
                        interval.cast(DataTypes.createDecimalType(18, 3)).as("usual_interval_days"),
                        col("last_12m").cast(ToCny.MONEY).as("value_last_12m"),
                        col("prior_12m").cast(ToCny.MONEY).as("value_prior_12m"),
                        when(col("prior_12m").gt(0), col("last_12m").divide(col("prior_12m")).minus(1))
                                .cast(DataTypes.createDecimalType(18, 6)).as("value_change"),
                        when(col("stopped").and(col("dropped")), lit("stopped_and_dropped"))
                                .when(col("stopped"), lit("stopped")).otherwise(lit("dropped")).as("reason"));
    }

    /** The orders of the 24 months to the period's end with their value in CNY at each order month's rate. */
    public static Dataset<Row> valued(Dataset<Row> orders, Dataset<Row> fxRates, YearMonth period) {
        Dataset<Row> recent = orders.where(col("order_date").gt(lit(Date.valueOf(period.atEndOfMonth().minusMonths(24))))
                .and(col("order_date").leq(lit(Date.valueOf(period.atEndOfMonth())))));
        return ToCny.requireRates(ToCny.convert(recent, fxRates, trunc(col("order_date"), "month"), "total_amount",
                "value_cny"), "total_amount", "value_cny", "order_id", "orders of the 24 months to " + period,
                "the first day of their order month");
    }
}
