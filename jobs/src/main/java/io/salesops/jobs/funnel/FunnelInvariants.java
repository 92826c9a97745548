package io.salesops.jobs.funnel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The identities funnel_conversion must satisfy, checked on every run: per row entered = advanced +
 * lost + open and skipped ≤ entered; at the last step advanced = entered; advanced at a step =
 * entered at the next; and, per cohort, step and dimension, the values add up to {@code all}.
 * Returns one line per broken row (at most {@value #SHOWN} of each kind), empty when all hold.
 */
public final class FunnelInvariants {

    static final int SHOWN = 5;

    private FunnelInvariants() {
    }

    public static List<String> violations(Dataset<Row> conversion, int steps) {
        List<String> violations = new ArrayList<>();
        add(violations, "entered != advanced + lost + open", conversion
                .where(col("entered").notEqual(col("advanced").plus(col("lost")).plus(col("open")))));
        add(violations, "skipped > entered", conversion.where(col("skipped").gt(col("entered"))));
        add(violations, "advanced != entered at the last step", conversion
                .where(col("step_order").equalTo(steps - 1).and(col("advanced").notEqual(col("entered")))));
        var byStep = Window.partitionBy("funnel", "cohort_month", "dimension", "dimension_value").orderBy("step_order");
        add(violations, "advanced at the step before != entered", conversion
                .withColumn("advanced_before", lag(col("advanced"), 1).over(byStep))
                .where(col("advanced_before").isNotNull().and(col("advanced_before").notEqual(col("entered")))));
        Dataset<Row> all = conversion.where(col("dimension").equalTo(FunnelConversion.ALL))
                .select(col("funnel").as("a_funnel"), col("cohort_month").as("a_cohort"), col("step").as("a_step"),
                        col("entered").as("all_entered"));
        add(violations, "a dimension's values do not add up to all", conversion
                .where(col("dimension").notEqual(FunnelConversion.ALL))
                .groupBy("funnel", "cohort_month", "step", "dimension").agg(sum("entered").as("entered"))
                .join(all, col("funnel").equalTo(col("a_funnel")).and(col("cohort_month").equalTo(col("a_cohort")))
                        .and(col("step").equalTo(col("a_step"))), "left")
                .where(col("all_entered").isNull().or(col("entered").notEqual(col("all_entered"))))
                .select("funnel", "cohort_month", "step", "dimension", "entered", "all_entered"));
        return violations;
    }

    private static void add(List<String> violations, String rule, Dataset<Row> broken) {
        for (Row row : broken.limit(SHOWN).collectAsList()) {
            violations.add(rule + ": " + row.mkString(", "));
        }
    }
}
