package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A plan's rounding rule. {@link #round} is the only place commission money is rounded; every
 * other step works on exact BigDecimal values.
 */
public record Rounding(int scale, RoundingMode mode) {

    public static final int MAX_SCALE = 6;

    public Rounding {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("rounding scale must be from 0 to " + MAX_SCALE + ", cannot be: " + scale);
        }
        if (mode == null || mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding mode must round, cannot be: " + mode);
        }
    }

    public BigDecimal round(BigDecimal exact) {
        return exact.setScale(scale, mode);
    }

    /** One minor unit at this scale, e.g. 0.01 for scale 2. */
    public BigDecimal minorUnit() {
        return BigDecimal.ONE.movePointLeft(scale);
    }
}
