package io.salesops.jobs.commission.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The month-end check finance relies on: for every rep, the sum of their lines equals their
 * statement's earned amount, the sum of their adjustments its adjustments, earned + adjustments
 * its payable, and the payable what the payroll file says, to the cent; and so do the totals. Any difference fails the run before anything is published.
 */
final class Reconciliation {

    private Reconciliation() {
    }

    /**
     * @param linesByRep    Σ commission_lines.amount per rep
     * @param earnedByRep   commission_statements.earned per rep
     * @param payableByRep  commission_statements.payable per rep
     * @param payrollByRep  payable per rep read back from the payroll file
     * @param adjustByRep   commission_statements.adjustments per rep
     * @param adjustmentsByRep Σ commission_adjustments.amount per rep
     * @return the total payable, once everything agrees
     */
    static BigDecimal check(Map<String, BigDecimal> linesByRep, Map<String, BigDecimal> earnedByRep,
                            Map<String, BigDecimal> adjustByRep, Map<String, BigDecimal> adjustmentsByRep,
                            Map<String, BigDecimal> payableByRep, Map<String, BigDecimal> payrollByRep) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> reps = new TreeSet<>(earnedByRep.keySet());
        reps.addAll(linesByRep.keySet());
        reps.addAll(payrollByRep.keySet());
        for (String rep : reps) {
            BigDecimal lines = linesByRep.getOrDefault(rep, BigDecimal.ZERO);
            BigDecimal earned = earnedByRep.get(rep);
            BigDecimal payable = payableByRep.get(rep);
            BigDecimal payroll = payrollByRep.get(rep);
            if (earned == null || payable == null) {
                differences.add(rep + " has lines or a payroll row but no statement");
            } else if (lines.compareTo(earned) != 0) {
                differences.add(rep + ": lines " + lines.toPlainString() + " ≠ statement earned "
                        + earned.toPlainString());
            } else if (adjustmentsByRep.getOrDefault(rep, BigDecimal.ZERO)
                    .compareTo(adjustByRep.getOrDefault(rep, BigDecimal.ZERO)) != 0) {
                differences.add(rep + ": adjustments " + adjustmentsByRep.getOrDefault(rep, BigDecimal.ZERO)
                        .toPlainString() + " ≠ statement adjustments " + adjustByRep.get(rep).toPlainString());
            } else if (earned.add(adjustByRep.getOrDefault(rep, BigDecimal.ZERO)).compareTo(payable) != 0) {
                differences.add(rep + ": earned + adjustments ≠ payable " + payable.toPlainString());
            } else if (payroll == null || payroll.compareTo(payable) != 0) {
                differences.add(rep + ": statement payable " + payable.toPlainString() + " ≠ payroll "
                        + (payroll == null ? "(no row)" : payroll.toPlainString()));
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("commission reconciliation failed for " + differences.size() + " reps: "
                    + String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                    + (differences.size() > 5 ? "; ..." : "") + "; nothing was published");
        }
        return payableByRep.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
