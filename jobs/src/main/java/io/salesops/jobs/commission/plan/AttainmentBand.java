package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;

/**
 * A half-open attainment range [from, to) as a fraction of quota (1 = 100%), with the multiplier
 * applied to the component's rate there; {@code to} is null for the open-ended last band.
 */
public record AttainmentBand(BigDecimal from, BigDecimal to, BigDecimal multiplier) {

    public AttainmentBand {
        if (from == null || from.signum() < 0) {
            throw new IllegalArgumentException("band from must be at least 0, cannot be: " + from);
        }
        if (to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("band bounds must increase: " + to.toPlainString() + " after "
                    + from.toPlainString());
        }
        if (multiplier == null || multiplier.signum() < 0) {
            throw new IllegalArgumentException("band multiplier must be at least 0, cannot be: " + multiplier);
        }
    }
}
