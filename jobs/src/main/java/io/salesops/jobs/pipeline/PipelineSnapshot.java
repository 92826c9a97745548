package io.salesops.jobs.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.salesops.jobs.spark.ToCny;
import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** pipeline_snapshot: the deals open at the period's end, summed by stage, category, close month, region, rep. Pure. */
public final class PipelineSnapshot {

    private PipelineSnapshot() {
    }

    /** @param end every deal as of the period's end ({@link PipelineDeals#asOf}, with amount_cny) */
    public static Dataset<Row> of(Dataset<Row> end, YearMonth period) {
        return end.where(col("is_open"))
                .withColumn("close_month", coalesce(date_format(col("close_date"), "yyyy-MM"), lit(PipelineDeals.NONE)))
                .groupBy("stage", "forecast_category", "close_month", "region", "rep")
                .agg(count(lit(1)).as("deals"), coalesce(sum("amount_cny"), lit(0)).cast(ToCny.MONEY).as("amount"),
                        coalesce(sum(col("amount_cny").multiply(coalesce(col("probability"), lit(0)))), lit(0))
                                .cast(ToCny.MONEY).as("weighted_amount"))
                .select(lit(period.toString()).as("period"), lit(Date.valueOf(period.atEndOfMonth())).as("as_of"),
                        col("stage"), col("forecast_category"), col("close_month"), col("region"), col("rep"),
                        col("deals"), col("amount"), col("weighted_amount"));
    }

    /** The deals open at the end as pipeline_deals rows: the next period's movement starts from them. */
    public static Dataset<Row> deals(Dataset<Row> end, YearMonth period) {
        return end.where(col("is_open")).select(lit(period.toString()).as("period"), col("opportunity_id"),
                col("stage"), col("forecast_category"), col("close_date"), col("amount"), col("currency"),
                col("probability"), col("region"), col("rep"));
    }
}
