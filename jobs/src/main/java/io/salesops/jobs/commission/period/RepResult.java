package io.salesops.jobs.commission.period;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One rep's period: the lines and the statement's figures.
 *
 * @param creditedAmount Σ the rep's credits of the plan's basis, converted to the plan's currency
 *                       and rounded like payouts (shown, not paid)
 * @param attainment     credited / quota to 6 decimals, null without a quota
 * @param earned         Σ lines, exact: every line is rounded already
 * @param byComponent    earned per component id, in plan order
 * @param drawBalance    what the rep owes on a recoverable draw at the period's end (0 for a
 *                       non-recoverable one); null when the plan has no draw
 * @param drawForgiven   what a recoverable draw wrote off this period because the rep left (0 when
 *                       nothing was); null when the plan has no draw
 */
public record RepResult(String repId, String planId, int planVersion, String currency, BigDecimal creditedAmount,
        BigDecimal quota, BigDecimal attainment, BigDecimal earned, Map<String, BigDecimal> byComponent,
        List<CommissionLine> lines, BigDecimal drawBalance, BigDecimal drawForgiven) {

    public RepResult {
        byComponent = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byComponent));
        lines = List.copyOf(lines);
    }
}
