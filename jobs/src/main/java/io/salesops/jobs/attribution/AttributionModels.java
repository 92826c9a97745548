package io.salesops.jobs.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * How each model shares one event among its touches; the shares of an event add up to 1 in every
 * model, so the models agree on every total. {@code first_touch}: all to the earliest touch;
 * {@code last_touch}: all to the latest; {@code linear}: equal shares; {@code time_decay}: a share
 * halving for every {@value #HALF_LIFE_DAYS} days the touch came before the event (HubSpot's
 * default half-life). Ties in time go to the lower campaign id. An event without any touch is
 * credited whole to the campaign {@code (none)}. Pure.
 */
public final class AttributionModels {

    public static final List<String> MODELS = List.of("first_touch", "last_touch", "linear", "time_decay");
    public static final String NO_CAMPAIGN = "(none)";
    static final double HALF_LIFE_DAYS = 7;

    /** Shares are kept to 18 places; only the mart's sums are rounded. */
    static final DataType SHARE = DataTypes.createDecimalType(24, 18);

    private AttributionModels() {
    }

    /** event_id, kind, amount_cny, campaign_id, model, share: one row per event, model and credited campaign. */
    public static Dataset<Row> credits(Dataset<Row> events, Dataset<Row> touches) {
        WindowSpec byEvent = Window.partitionBy("event_id");
        WindowSpec earliest = byEvent.orderBy(col("touched_at").asc(), col("campaign_id").asc());
        WindowSpec latest = byEvent.orderBy(col("touched_at").desc(), col("campaign_id").asc());
        Column ageDays = unix_timestamp(col("at")).minus(unix_timestamp(col("touched_at"))).divide(86_400d);
        Dataset<Row> ranked = touches
                .withColumn("first", row_number().over(earliest))
                .withColumn("last", row_number().over(latest))
                .withColumn("n", count(lit(1)).over(byEvent))
                .withColumn("decay", pow(lit(0.5), ageDays.divide(HALF_LIFE_DAYS)))
                .withColumn("decay_total", sum("decay").over(byEvent));
        Dataset<Row> shares = ranked.select(col("event_id"), col("campaign_id"),
                        org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.array(
                                model("first_touch", when(col("first").equalTo(1), lit(1)).otherwise(lit(0))),
                                model("last_touch", when(col("last").equalTo(1), lit(1)).otherwise(lit(0))),
                                model("linear", lit(1).divide(col("n"))),
                                model("time_decay", col("decay").divide(col("decay_total"))))).as("m"))
                .select(col("event_id").as("t_event"), col("campaign_id").as("t_campaign"), col("m.model").as("t_model"),
                        col("m.share").as("t_share"))
                .where(col("t_share").gt(0));
        Dataset<Row> perModel = events.crossJoin(events.sparkSession()
                .createDataset(MODELS, org.apache.spark.sql.Encoders.STRING()).toDF("model"));
        return perModel.join(shares, col("event_id").equalTo(col("t_event")).and(col("model").equalTo(col("t_model"))),
                        "left")
                .select(col("event_id"), col("kind"), col("amount_cny"),
                        coalesce(col("t_campaign"), lit(NO_CAMPAIGN)).as("campaign_id"), col("model"),
                        coalesce(col("t_share"), lit(1).cast(SHARE)).as("share"));
    }

    private static Column model(String name, Column share) {
        return org.apache.spark.sql.functions.struct(lit(name).as("model"), share.cast(SHARE).as("share"));
    }
}
