package io.salesops.reports.commission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything a rep's commission statement prints, already computed: the statement's figures, the
 * earnings per component, every line and every adjustment. The report only lays it out.
 *
 * @param status      what the period is when the PDF is made, e.g. "CALCULATED (run 17)"
 * @param quota       null when the rep has no quota in the period
 * @param attainment  credited / quota as a ratio, null without a quota
 * @param drawBalance what the rep owes on a recoverable draw at the period's end; null without a draw
 * @param drawForgiven what a recoverable draw wrote off in the period because the rep left (0 when
 *                    nothing was); null without a draw
 * @param components  earnings per component, in plan order
 */
public record RepStatement(String period, String repId, String repName, String plan, String currency, String status,
        BigDecimal credited, BigDecimal quota, BigDecimal attainment, BigDecimal earned, BigDecimal adjustments,
        BigDecimal payable, BigDecimal drawBalance, BigDecimal drawForgiven, List<ComponentTotal> components, List<Line> lines, List<AdjustmentLine> adjustmentLines) {

    public RepStatement {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(repId, "repId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(currency, "currency");
        components = List.copyOf(components);
        lines = List.copyOf(lines);
        adjustmentLines = List.copyOf(adjustmentLines);
    }

    /**
     * What one component earned in the period, and how, when its lines are shares of a total worked
     * out on the whole period (marginal tiers, attainment bands): that calculation is printed here
     * once rather than on each of its lines.
     */
    public record ComponentTotal(String component, BigDecimal amount, String calculation) {
        public ComponentTotal {
            calculation = calculation == null ? "" : calculation;
        }

        public ComponentTotal(String component, BigDecimal amount) {
            this(component, amount, "");
        }
    }

    /**
     * One payout line: the component, the source transaction, the rate (null for fixed amounts and
     * caps), the amount and the sentence explaining it; a clawback carries its reason code.
     */
    public record Line(String component, String transactionId, BigDecimal rate, BigDecimal amount, String explanation,
            String reasonCode) {
    }

    /** One adjustment paid in the period, with the period it corrects and why. */
    public record AdjustmentLine(String kind, String originPeriod, String component, String transactionId,
            BigDecimal amount, String reason) {
    }
}
