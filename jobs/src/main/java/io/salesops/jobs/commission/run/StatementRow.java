package io.salesops.jobs.commission.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A rep's statement as published: the calculation's figures, the period's adjustments and what
 * is payable (earned + adjustments). A rep with adjustments but nothing earned (a correction for
 * someone who has left, a manual payment) still gets a statement, so payroll sees every payment.
 */
record StatementRow(String repId, String repName, String planId, long planVersion, String currency,
        BigDecimal credited, BigDecimal quota, BigDecimal attainment, BigDecimal earned, String earnedByComponent,
        BigDecimal adjustments, long lineCount, BigDecimal drawBalance, BigDecimal drawForgiven) {

    BigDecimal payable() {
        return earned.add(adjustments);
    }

    /**
     * @param calculated statement rows of {@link CommissionCalculation#RESULT}
     * @param names      rep id → name
     */
    static List<StatementRow> merge(List<Row> calculated, List<Adjustment> adjustments, Map<String, String> names) {
        Map<String, StatementRow> byRep = new TreeMap<>();
        for (Row row : calculated) {
            String repId = row.getAs("rep_id");
            byRep.put(repId, new StatementRow(repId, names.get(repId), row.getAs("plan_id"), row.<Long>getAs("plan_version"),
                    row.getAs("currency"), money(row.getAs("credited_amount")), money(row.getAs("quota")),
                    rate(row.getAs("attainment")), money(row.getAs("earned")), row.getAs("earned_by_component"),
                    BigDecimal.ZERO.setScale(2), row.<Long>getAs("line_count"), money(row.getAs("draw_balance")),
                    money(row.getAs("draw_forgiven"))));
        }
        for (Adjustment adjustment : adjustments) {
            StatementRow current = byRep.get(adjustment.repId());
            if (current == null) {
                current = new StatementRow(adjustment.repId(), names.get(adjustment.repId()), adjustment.planId(),
                        adjustment.planVersion(), adjustment.currency(), BigDecimal.ZERO.setScale(2), null, null,
                        BigDecimal.ZERO.setScale(2), "", BigDecimal.ZERO.setScale(2), 0, null, null);
            }
            if (!current.currency().equals(adjustment.currency())) {
                throw new IllegalArgumentException("adjustment " + adjustment.transactionId() + " for rep "
                        + adjustment.repId() + " is in " + adjustment.currency() + " but the rep is paid in "
                        + current.currency() + " (plan " + current.planId() + "); record it in "
                        + current.currency());
            }
            byRep.put(adjustment.repId(), current.withAdjustment(adjustment.amount()));
        }
        return new ArrayList<>(byRep.values());
    }

    private StatementRow withAdjustment(BigDecimal amount) {
        return new StatementRow(repId, repName, planId, planVersion, currency, credited, quota, attainment, earned,
                earnedByComponent, adjustments.add(amount), lineCount, drawBalance, drawForgiven);
    }

    /** Rows in the column order of commission_statements. */
    static List<Row> rows(List<StatementRow> statements, String period, String runId) {
        return statements.stream().map(s -> RowFactory.create(period, runId, s.repId(), s.repName(), s.planId(),
                s.planVersion(), s.currency(), s.credited(), s.quota(), s.attainment(), s.earned(),
                s.earnedByComponent(), s.adjustments(), s.payable(), s.drawBalance(), s.drawForgiven(), s.lineCount())).toList();
    }

    /** Amounts come rounded by the plan (at most 2 decimals); a quota converted by fx is rounded half-up. */
    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
    }
}
