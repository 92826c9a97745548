package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One period under a draw: what was earned, what is payable, the draw balance the rep owes at the
 * start and at the end of the period (always 0 for a non-recoverable draw), what was written off
 * because the rep left ({@code at_termination: forgive}; 0 otherwise), and why.
 */
public record DrawSettlement(String component, String period, BigDecimal earned, BigDecimal payable,
        BigDecimal openingBalance, BigDecimal closingBalance, BigDecimal forgiven, String explanation) {

    /** Advanced (positive) or recovered (negative) by the draw: payable − earned. */
    public BigDecimal adjustment() {
        return payable.subtract(earned);
    }

    /** The draw's line on the period's statement: base the earned total, amount the adjustment. */
    public PayoutLine line() {
        return new PayoutLine(component, "", 0, earned, Optional.empty(), adjustment(), explanation);
    }
}
