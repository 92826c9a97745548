package io.salesops.jobs.commission.period;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * A rep's published statement of an earlier period of the year, as a year-to-date true-up needs
 * it: the plan that paid it, the credited amount and the full (unramped) quota in the plan's currency,
 * and what each component paid (the true-up subtracts what was paid, not what it would pay now).
 */
public record EarlierPeriod(YearMonth period, String planId, BigDecimal credited, BigDecimal quota,
        Map<String, BigDecimal> paidByComponent) implements Serializable {

    public EarlierPeriod {
        paidByComponent = Map.copyOf(paidByComponent);
    }

    /** What {@code component} paid in that period, as its statement says. */
    public BigDecimal paid(String component) {
        BigDecimal paid = paidByComponent.get(component);
        if (paid == null) {
            throw new IllegalArgumentException("the statement of " + period + " under plan " + planId + " does not"
                    + " say what component " + component + " paid; it says " + paidByComponent);
        }
        return paid;
    }
}
