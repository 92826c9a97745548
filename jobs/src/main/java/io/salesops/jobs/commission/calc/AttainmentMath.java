package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.AttainmentBand;
import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.Tier;
import java.math.BigDecimal;
import java.util.List;

/**
 * Turns attainment bands into amount tiers for one quota: band [a, b) with multiplier m becomes
 * the tier [a × quota, b × quota) at rate × m. Multiplying the bounds instead of dividing the
 * amount by the quota keeps the math exact (no attainment ratio to round).
 */
public final class AttainmentMath {

    private AttainmentMath() {
    }

    public static List<Tier> amountTiers(AttainmentComponent component, BigDecimal quota) {
        if (quota == null || quota.signum() <= 0) {
            throw new IllegalArgumentException("component " + component.id()
                    + " pays by quota attainment, so the quota must be above 0, cannot be: " + quota);
        }
        return component.bands().stream().map(band -> tier(band, component.rate(), quota)).toList();
    }

    private static Tier tier(AttainmentBand band, BigDecimal rate, BigDecimal quota) {
        return new Tier(bound(band.from(), quota), band.to() == null ? null : bound(band.to(), quota),
                rate.multiply(band.multiplier()));
    }

    /** attainment × quota, kept at the quota's scale when that is exact (100% of 100,000.00 is 100,000.00, not 100,000.0000). */
    private static BigDecimal bound(BigDecimal attainment, BigDecimal quota) {
        BigDecimal bound = attainment.multiply(quota);
        return bound.stripTrailingZeros().scale() <= quota.scale() ? bound.setScale(quota.scale()) : bound;
    }
}
