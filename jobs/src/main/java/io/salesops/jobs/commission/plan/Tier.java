package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A half-open band [from, to) with the rate paid inside it; {@code to} is null for the open-ended
 * last tier. Attainment bands become tiers too (bounds × quota, rate × multiplier), so one piece
 * of math serves both.
 */
public record Tier(BigDecimal from, BigDecimal to, BigDecimal rate) {

    public Tier {
        if (from == null || from.signum() < 0) {
            throw new IllegalArgumentException("tier from must be at least 0, cannot be: " + from);
        }
        if (to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("tier bounds must increase: " + to.toPlainString() + " after "
                    + from.toPlainString());
        }
        if (rate == null || rate.signum() < 0) {
            throw new IllegalArgumentException("tier rate must be at least 0, cannot be: " + rate);
        }
    }

    public Optional<BigDecimal> upper() {
        return Optional.ofNullable(to);
    }

    public boolean contains(BigDecimal amount) {
        return amount.compareTo(from) >= 0 && (to == null || amount.compareTo(to) < 0);
    }
}
