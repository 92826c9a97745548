package io.salesops.jobs.funnel;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.mart.BusinessMonth;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * funnel_durations for one period: per step and dimension value, how long the members that moved
 * on from a step in the period had spent in it (from entering it to entering the next step, both
 * instants known), and the cycle from the first step to the win for the members won in the period
 * (step {@value #CYCLE}). Exact percentiles (linear between ranks), in days to the thousandth.
 */
public final class FunnelDurations {

    /** The step id of the cycle rows: first step → won. */
    public static final String CYCLE = "cycle_to_won";

    private static final DataType DAYS = DataTypes.createDecimalType(18, 3);
    private static final double SECONDS_PER_DAY = 86_400d;

    private FunnelDurations() {
    }

    public static Dataset<Row> of(FunnelDefinition funnel, Dataset<Row> journeys, YearMonth period, ZoneId zone) {
        int n = funnel.steps().size();
        BusinessMonth month = BusinessMonth.of(period, zone);
        Column start = lit(month.startTimestamp());
        Column end = lit(month.endTimestamp());
        List<Column> spells = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            Column from = col("at_" + i);
            Column to = col("at_" + (i + 1));
            spells.add(struct(lit(funnel.steps().get(i).id()).as("step"), lit((long) i).as("step_order"),
                    when(from.isNotNull().and(to.isNotNull()).and(to.geq(start)).and(to.lt(end)),
                            days(from, to)).as("days")));
        }
        Column won = col("at_" + (n - 1));
        boolean endsWon = funnel.steps().get(n - 1).evidence() == FunnelStep.Evidence.WON;
        if (endsWon) {
            spells.add(struct(lit(CYCLE).as("step"), lit((long) n).as("step_order"),
                    when(col("outcome").equalTo(FunnelJourneys.WON).and(won.isNotNull()).and(won.geq(start))
                            .and(won.lt(end)), days(col("at_0"), won)).as("days")));
        }
        return journeys
                .select(explode(array(spells.toArray(Column[]::new))).as("s"),
                        FunnelJourneys.dimensionValues().as("dimensions"))
                .where(col("s.days").isNotNull())
                .select(col("s.step").as("step"), col("s.step_order").as("step_order"), col("s.days").as("days"),
                        explode(col("dimensions")).as("d"))
                .groupBy(col("step"), col("step_order"), col("d.dimension").as("dimension"),
                        col("d.value").as("dimension_value"))
                .agg(count(lit(1)).as("n"), expr("percentile(days, 0.5)").cast(DAYS).as("median_days"),
                        expr("percentile(days, 0.75)").cast(DAYS).as("p75_days"),
                        expr("percentile(days, 0.9)").cast(DAYS).as("p90_days"), avg("days").cast(DAYS).as("mean_days"))
                .select(lit(period.toString()).as("period"), lit(funnel.id()).as("funnel"), col("step"),
                        col("step_order"), col("dimension"), col("dimension_value"), col("n"), col("median_days"),
                        col("p75_days"), col("p90_days"), col("mean_days"));
    }

    private static Column days(Column from, Column to) {
        return unix_timestamp(to).minus(unix_timestamp(from)).cast(DataTypes.DoubleType).divide(SECONDS_PER_DAY);
    }
}
