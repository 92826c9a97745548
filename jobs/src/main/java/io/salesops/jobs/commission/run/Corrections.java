package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What changed in a closed period since it closed: its recalculation on today's inputs and plans,
 * compared per rep × component × source transaction with what the ledger booked for it (its own
 * entries and the corrections already posted to later closed periods). Each difference becomes a
 * reversal of what was booked and a rebook of the recalculation, paid in the period being
 * calculated, with the reason and the period it corrects. The closed period itself is never
 * touched.
 */
final class Corrections {

    private Corrections() {
    }

    /**
     * @param recalculated the closed period's lines, calculated now
     * @param ledger       every ledger entry, or null when nothing has closed yet
     */
    static List<Adjustment> of(String closedPeriod, Dataset<Row> recalculated, Dataset<Row> ledger) {
        Dataset<Row> now = recalculated.groupBy(col("rep_id").as("n_rep"), col("component").as("n_component"),
                        col("transaction_id").as("n_transaction"))
                .agg(sum("amount").as("new_amount"), max("plan_id").as("new_plan"), max("plan_version").as("new_version"),
                        first("currency").as("new_currency"));
        Dataset<Row> booked = ledger == null ? null : ledger.where(col("origin_period").equalTo(closedPeriod))
                .groupBy(col("rep_id").as("b_rep"), col("component").as("b_component"),
                        col("transaction_id").as("b_transaction"))
                .agg(sum("amount").as("old_amount"), max("plan_id").as("old_plan"),
                        max("plan_version").as("old_version"), first("currency").as("old_currency"));
        if (booked == null) {
            throw new IllegalStateException("period " + closedPeriod + " is closed but the ledger has no entries for"
                    + " it; close it again to write them");
        }
        List<Row> differences = now.join(booked, col("n_rep").equalTo(col("b_rep"))
                        .and(col("n_component").equalTo(col("b_component")))
                        .and(col("n_transaction").equalTo(col("b_transaction"))), "full_outer")
                .where(coalesce(col("new_amount"), lit(0)).notEqual(coalesce(col("old_amount"), lit(0))))
                .select(coalesce(col("n_rep"), col("b_rep")).as("rep_id"),
                        coalesce(col("n_component"), col("b_component")).as("component"),
                        coalesce(col("n_transaction"), col("b_transaction")).as("transaction_id"),
                        col("old_amount"), col("old_plan"), col("old_version"), col("old_currency"),
                        col("new_amount"), col("new_plan"), col("new_version"), col("new_currency"))
                .orderBy("rep_id", "component", "transaction_id").collectAsList();
        List<Adjustment> adjustments = new ArrayList<>();
        for (Row row : differences) {
            BigDecimal old = amount(row, "old_amount");
            BigDecimal fresh = amount(row, "new_amount");
            String reason = "correction of " + closedPeriod + ": " + cause(row);
            if (old.signum() != 0) {
                adjustments.add(new Adjustment(row.getAs("rep_id"), row.getAs("old_plan"), row.<Long>getAs("old_version"),
                        Adjustment.REVERSAL, row.getAs("component"), row.getAs("transaction_id"), closedPeriod,
                        old.negate(), row.getAs("old_currency"), reason, null));
            }
            if (fresh.signum() != 0) {
                adjustments.add(new Adjustment(row.getAs("rep_id"), row.getAs("new_plan"), row.<Long>getAs("new_version"),
                        Adjustment.REBOOK, row.getAs("component"), row.getAs("transaction_id"), closedPeriod, fresh,
                        row.getAs("new_currency"), reason, null));
            }
        }
        return adjustments;
    }

    private static String cause(Row row) {
        BigDecimal old = amount(row, "old_amount");
        BigDecimal fresh = amount(row, "new_amount");
        String amounts = old.toPlainString() + " booked, " + fresh.toPlainString() + " now";
        if (row.getAs("old_plan") == null) {
            return "credited since the period closed (" + amounts + ")";
        }
        if (row.getAs("new_plan") == null) {
            return "no longer credited (" + amounts + ")";
        }
        String oldPlan = row.getAs("old_plan") + " v" + row.getAs("old_version");
        String newPlan = row.getAs("new_plan") + " v" + row.getAs("new_version");
        return (oldPlan.equals(newPlan) ? "inputs changed under " + newPlan : "plan " + oldPlan + " is now " + newPlan)
                + " (" + amounts + ")";
    }

    private static BigDecimal amount(Row row, String column) {
        BigDecimal value = row.getAs(column);
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
