package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;

/**
 * What a bonus pays per qualifying credit: either a fixed amount (at the plan's rounding scale) or
 * a rate of the credited amount, never both. Used by {@code new_customer_bonus} and {@code spif}.
 *
 * @param amount the fixed amount per qualifying credit, or null when the bonus is a rate
 * @param rate   the share of the credited amount, or null when the bonus is a fixed amount
 */
public record Bonus(BigDecimal amount, BigDecimal rate) {

    public Bonus {
        if ((amount == null) == (rate == null)) {
            throw new IllegalArgumentException("a bonus pays either a fixed amount or a rate, not "
                    + (amount == null ? "neither" : "both"));
        }
        if (amount != null && amount.signum() <= 0) {
            throw new IllegalArgumentException("bonus amount must be above 0, cannot be: " + amount);
        }
        if (rate != null) {
            PlanRules.requireNonNegative(rate, "bonus rate");
        }
    }

    public static Bonus fixed(BigDecimal amount) {
        return new Bonus(amount, null);
    }

    public static Bonus ofRate(BigDecimal rate) {
        return new Bonus(null, rate);
    }

    public boolean isFixed() {
        return amount != null;
    }
}
