package io.salesops.jobs.funnel;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.mart.BusinessMonth;
import io.salesops.jobs.spark.ToCny;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * win_rates for one period, per dimension value (those of the funnel marts): the deals closed in
 * the period (their last stage change before the period's end is closed_won or closed_lost, and
 * falls in the period), won, lost, the win rate by count and by amount, the average won amount, the
 * average cycle of the won deals (created → won, in days), and the pipeline velocity: the deals
 * open at the period's end × win rate × average won amount ÷ average cycle days, in CNY a day.
 * Amounts are converted to CNY at the period's rate ({@code fx_rates.rate_date} = its first day);
 * a non-CNY deal the figures need without a rate fails, naming it.
 */
public final class WinRates {

    private static final DataType MONEY = DataTypes.createDecimalType(18, 2);
    private static final DataType RATE = DataTypes.createDecimalType(18, 6);
    private static final DataType WIDE = DataTypes.createDecimalType(38, 10);

    private WinRates() {
    }

    /** @param deals from {@link FunnelJourneys#deals}, as of the period's end */
    public static Dataset<Row> of(Dataset<Row> deals, Dataset<Row> fxRates, YearMonth period, ZoneId zone) {
        BusinessMonth month = BusinessMonth.of(period, zone);
        Column closedInPeriod = col("outcome").isin(FunnelJourneys.WON, FunnelJourneys.LOST)
                .and(col("last_change_at").geq(lit(month.startTimestamp())))
                .and(col("last_change_at").lt(lit(month.endTimestamp())));
        Dataset<Row> counted = ToCny.convert(deals, fxRates, lit(java.sql.Date.valueOf(period.atDay(1))), "amount",
                        "amount_cny")
                .withColumn("counts", closedInPeriod.or(col("outcome").equalTo(FunnelJourneys.OPEN)));
        ToCny.requireRates(counted.where(col("counts")), "amount", "amount_cny", "opportunity_id",
                "deals of " + period, period.atDay(1));
        Column won = closedInPeriod.and(col("outcome").equalTo(FunnelJourneys.WON));
        Column lost = closedInPeriod.and(col("outcome").equalTo(FunnelJourneys.LOST));
        Dataset<Row> sums = counted.where(col("counts"))
                .select(explode(FunnelJourneys.dimensionValues()).as("d"), col("*"))
                .groupBy(col("d.dimension").as("dimension"), col("d.value").as("dimension_value"))
                .agg(sum(when(won, 1L).otherwise(0L)).as("won"), sum(when(lost, 1L).otherwise(0L)).as("lost"),
                        sum(when(col("outcome").equalTo(FunnelJourneys.OPEN), 1L).otherwise(0L)).as("open_deals"),
                        sum(when(won, coalesce(col("amount_cny"), lit(0)))).cast(WIDE).as("won_amount"),
                        sum(when(lost, coalesce(col("amount_cny"), lit(0)))).cast(WIDE).as("lost_amount"),
                        sum(when(won, unix_timestamp(col("last_change_at")).minus(unix_timestamp(col("created_at")))))
                                .cast(WIDE).as("won_seconds"));
        Column closed = col("won").plus(col("lost"));
        Column winRate = when(closed.gt(0), col("won").cast(WIDE).divide(closed)).cast(RATE);
        Column avgWon = when(col("won").gt(0), col("won_amount").divide(col("won"))).cast(MONEY);
        Column closedAmount = coalesce(col("won_amount"), lit(0)).plus(coalesce(col("lost_amount"), lit(0)));
        Column avgCycle = when(col("won").gt(0), col("won_seconds").divide(col("won")).divide(86_400)).cast(RATE);
        return sums.select(lit(period.toString()).as("period"), col("dimension"), col("dimension_value"), col("won"),
                        col("lost"), col("open_deals"), winRate.as("win_rate"),
                        // sums over no won (or no lost) deal are null: a month with losses only has rate 0
                        when(closedAmount.gt(0), coalesce(col("won_amount"), lit(0)).divide(closedAmount))
                                .cast(RATE).as("win_rate_amount"),
                        avgWon.as("avg_won_amount"), avgCycle.as("avg_cycle_days"))
                .withColumn("pipeline_velocity", when(col("avg_cycle_days").gt(0),
                        col("open_deals").cast(WIDE).multiply(col("win_rate")).multiply(col("avg_won_amount"))
                                .divide(col("avg_cycle_days"))).cast(MONEY));
    }
}
