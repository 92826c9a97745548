package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.Tier;
import java.math.BigDecimal;

/** The part of an amount paid at one tier's rate; {@code number} counts tiers from 1. */
public record TierSlice(int number, Tier tier, BigDecimal base, BigDecimal rate) {

    /** Exact: base × rate, not rounded. */
    public BigDecimal amount() {
        return base.multiply(rate);
    }
}
