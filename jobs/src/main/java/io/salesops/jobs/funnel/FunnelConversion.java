package io.salesops.jobs.funnel;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.funnel.FunnelDefinition.Order;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * funnel_conversion from the members' journeys ({@link FunnelJourneys}): per cohort month,
 * dimension value and step, how many entered it, advanced past it, were lost at it, are still open
 * in it, passed it without a record of it (skipped), and advanced within the step's window.
 *
 * <p>Rules. In order: a member reached a step when there is a record of it or of a later step, or
 * it was won. Any order: when there is a record of it and of every earlier step. A member that
 * reached a step and not the next one is lost there when its outcome is lost, else open there; at
 * the last step every member that entered it advanced. So entered = advanced + lost + open, and
 * advanced at a step = entered at the next. A missing dimension value is the bucket {@value
 * #NONE}, so a dimension's values add up to {@code all}. Converted in window: the member reached
 * the next step within the step's window of entering this one; an instant the data lacks is taken
 * from the nearest earlier step for the entry and the nearest later step for the arrival, and a
 * member with no arrival instant at all (lead statuses have none) counts as in window. A row is
 * mature when the cohort's last day plus the step's window is before the end of the period: until
 * then its open members may still advance.
 */
public final class FunnelConversion {

    /** The bucket of a member without a value for a dimension. */
    public static final String NONE = "(none)";
    public static final String ALL = "all";

    private static final org.apache.spark.sql.types.DataType RATE = DataTypes.createDecimalType(18, 6);
    private static final long SECONDS_PER_DAY = 86_400L;

    private FunnelConversion() {
    }

    private static final List<String> COUNTS = List.of("entered", "advanced", "lost", "open", "skipped",
            "converted_in_window");

    public static Dataset<Row> of(FunnelDefinition funnel, Dataset<Row> journeys, YearMonth period) {
        int n = funnel.steps().size();
        // per member, a 0/1 column per step and count; summed per dimension value, then one row per step
        List<Column> flags = new ArrayList<>(List.of(col("cohort_month")));
        List<Column> sums = new ArrayList<>();
        List<Column> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Column entered = reached(funnel, i, n);
            Column advanced = i < n - 1 ? reached(funnel, i + 1, n) : entered;
            Column stays = entered.and(not(advanced));
            Column lost = stays.and(col("outcome").equalTo(FunnelJourneys.LOST));
            Column inWindow = i < n - 1 ? advanced.and(withinWindow(i, n, funnel.windowDays(funnel.steps().get(i))))
                    : entered;
            List<Column> conditions = List.of(entered, advanced, lost, stays.and(not(lost)),
                    entered.and(not(col("rec_" + i))), inWindow);
            List<Column> fields = new ArrayList<>(List.of(lit(i).as("step_order")));
            for (int c = 0; c < COUNTS.size(); c++) {
                String name = COUNTS.get(c) + "_" + i;
                flags.add(count(conditions.get(c)).as(name));
                sums.add(sum(name).as(name));
                fields.add(col(name).as(COUNTS.get(c)));
            }
            steps.add(struct(fields.toArray(Column[]::new)));
        }
        flags.add(FunnelJourneys.dimensionValues().as("dimensions"));
        List<Column> rows = new ArrayList<>(List.of(col("cohort_month"), col("d.dimension").as("dimension"),
                col("d.value").as("dimension_value")));
        Dataset<Row> counted = journeys.select(flags.toArray(Column[]::new))
                .withColumn("d", explode(col("dimensions")))
                .groupBy(rows.toArray(Column[]::new))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
                .select(col("cohort_month"), col("dimension"), col("dimension_value"),
                        explode(array(steps.toArray(Column[]::new))).as("s"))
                .select(col("cohort_month"), col("dimension"), col("dimension_value"), col("s.*"));
        WindowSpec cohort = Window.partitionBy("cohort_month", "dimension", "dimension_value");
        Column firstEntered = max(when(col("step_order").equalTo(0), col("entered"))).over(cohort);
        Column asOf = lit(java.sql.Date.valueOf(period.plusMonths(1).atDay(1)));
        Column cohortEnd = add_months(to_date(concat(col("cohort_month"), lit("-01"))), 1);
        return counted.select(lit(period.toString()).as("period"), lit(funnel.id()).as("funnel"),
                col("cohort_month"), col("dimension"), col("dimension_value"), stepIds(funnel).getItem(col("step_order"))
                        .as("step"), col("step_order").cast(DataTypes.LongType).as("step_order"),
                col("entered"), col("advanced"), col("lost"), col("open"), col("skipped"), col("converted_in_window"),
                rate(col("advanced"), col("entered")).as("next_step_rate"),
                rate(col("advanced"), firstEntered).as("cumulative_rate"),
                date_add(cohortEnd, windows(funnel).getItem(col("step_order"))).leq(asOf).as("mature"));
    }

    /** Whether the member reached step {@code i}, by the funnel's order semantics. */
    static Column reached(FunnelDefinition funnel, int i, int n) {
        Column reached = col("rec_" + i);
        if (funnel.order() == Order.IN_ORDER) {
            for (int j = i + 1; j < n; j++) {
                reached = reached.or(col("rec_" + j));
            }
            return reached.or(col("outcome").equalTo(FunnelJourneys.WON));
        }
        for (int j = 0; j < i; j++) {
            reached = reached.and(col("rec_" + j));
        }
        return reached;
    }

    private static Column withinWindow(int i, int n, int days) {
        List<Column> earlier = new ArrayList<>();
        for (int j = i; j >= 0; j--) {
            earlier.add(col("at_" + j));
        }
        List<Column> later = new ArrayList<>();
        for (int j = i + 1; j < n; j++) {
            later.add(col("at_" + j));
        }
        Column entry = coalesce(earlier.toArray(Column[]::new));
        Column arrival = coalesce(later.toArray(Column[]::new));
        return arrival.isNull().or(entry.isNull())
                .or(unix_timestamp(arrival).minus(unix_timestamp(entry)).leq(lit(days * SECONDS_PER_DAY)));
    }

    private static Column count(Column condition) {
        return when(condition, lit(1L)).otherwise(lit(0L));
    }

    private static Column rate(Column part, Column whole) {
        return when(whole.gt(0), part.cast(RATE).divide(whole).cast(RATE));
    }

    private static Column stepIds(FunnelDefinition funnel) {
        return array(funnel.steps().stream().map(s -> lit(s.id())).toArray(Column[]::new));
    }

    private static Column windows(FunnelDefinition funnel) {
        return array(funnel.steps().stream().map(s -> lit(funnel.windowDays(s))).toArray(Column[]::new));
    }
}
