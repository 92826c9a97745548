package io.salesops.jobs.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.spark.ToCny;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * marketing_attribution for one period: per campaign and model, the credit for the period's leads,
 * MQLs, opportunities and wins ({@link AttributionModels}), the campaign's cost falling in the
 * period, and the ratios. A campaign's cost is its actual cost (else its budget), spread evenly over
 * its days from start to end (one day when it has no end), converted to CNY at the period's rate.
 * Every campaign with cost in the period or any credit gets a row per model. Pure.
 */
public final class MarketingAttribution {

    private static final DataType QUANTITY = DataTypes.createDecimalType(18, 3);
    private static final DataType RATE = DataTypes.createDecimalType(18, 6);
    private static final DataType WIDE = DataTypes.createDecimalType(38, 12);

    private MarketingAttribution() {
    }

    /** The unrounded sums per campaign and model: credit per kind of event and the won amount. */
    public static Dataset<Row> sums(Dataset<Row> credits) {
        return credits.groupBy("campaign_id", "model").agg(
                credit(AttributionEvents.LEAD).as("leads"), credit(AttributionEvents.MQL).as("mqls"),
                credit(AttributionEvents.OPPORTUNITY).as("opportunities"), credit(AttributionEvents.WON).as("won"),
                coalesce(sum(when(col("kind").equalTo(AttributionEvents.WON),
                        col("share").multiply(coalesce(col("amount_cny"), lit(0))))), lit(0)).cast(WIDE)
                        .as("won_amount"));
    }

    /** @param sums from {@link #sums}; campaigns as the warehouse has them */
    public static Dataset<Row> of(Dataset<Row> sums, Dataset<Row> campaigns, Dataset<Row> fxRates, YearMonth period) {
        Dataset<Row> costs = costs(campaigns, fxRates, period);
        Dataset<Row> models = sums.sparkSession().createDataset(AttributionModels.MODELS,
                org.apache.spark.sql.Encoders.STRING()).toDF("c_model");
        Dataset<Row> costRows = costs.where(col("cost").gt(0)).select(col("campaign_id").as("c_campaign"))
                .crossJoin(models);
        Dataset<Row> rows = sums.join(costRows, col("campaign_id").equalTo(col("c_campaign"))
                        .and(col("model").equalTo(col("c_model"))), "full_outer")
                .select(coalesce(col("campaign_id"), col("c_campaign")).as("campaign_id"),
                        coalesce(col("model"), col("c_model")).as("model"), col("leads"), col("mqls"),
                        col("opportunities"), col("won"), col("won_amount"))
                .join(costs.withColumnRenamed("campaign_id", "k_campaign"),
                        col("campaign_id").equalTo(col("k_campaign")), "left");
        Column cost = coalesce(col("cost"), lit(0)).cast(ToCny.MONEY);
        List<Column> out = new ArrayList<>(List.of(lit(period.toString()).as("period"), col("campaign_id"),
                col("campaign_name"), coalesce(col("campaign_type"), lit(AttributionModels.NO_CAMPAIGN)).as("channel"),
                col("model"), cost.as("cost")));
        for (String kind : List.of("leads", "mqls", "opportunities", "won")) {
            out.add(coalesce(col(kind), lit(0)).cast(QUANTITY).as(kind));
        }
        out.add(coalesce(col("won_amount"), lit(0)).cast(ToCny.MONEY).as("won_amount"));
        out.add(when(col("leads").gt(0), cost.divide(col("leads"))).cast(ToCny.MONEY).as("cost_per_lead"));
        out.add(when(col("won").gt(0), cost.divide(col("won"))).cast(ToCny.MONEY).as("cost_per_won"));
        out.add(when(cost.gt(0), coalesce(col("won_amount"), lit(0)).minus(cost).divide(cost)).cast(RATE).as("roi"));
        return rows.select(out.toArray(Column[]::new));
    }

    /** campaign_id, campaign_name, campaign_type, cost: each campaign's cost falling in the period, CNY. */
    static Dataset<Row> costs(Dataset<Row> campaigns, Dataset<Row> fxRates, YearMonth period) {
        Column first = lit(Date.valueOf(period.atDay(1)));
        Column last = lit(Date.valueOf(period.atEndOfMonth()));
        Column end = coalesce(col("end_date"), col("start_date"));
        Column days = datediff(end, col("start_date")).plus(1);
        Column overlap = datediff(least(end, last), greatest(col("start_date"), first)).plus(1);
        Dataset<Row> spread = campaigns
                .withColumn("total_cost", coalesce(col("actual_cost"), col("budgeted_cost")))
                .withColumn("period_cost", when(overlap.gt(0).and(days.gt(0)),
                        col("total_cost").cast(WIDE).multiply(overlap).divide(days)).otherwise(lit(0)));
        return ToCny.convert(spread, fxRates, first, "period_cost", "cost")
                .select("campaign_id", "campaign_name", "campaign_type", "cost", "currency", "period_cost");
    }

    private static Column credit(String kind) {
        return coalesce(sum(when(col("kind").equalTo(kind), col("share"))), lit(0)).cast(WIDE);
    }
}
