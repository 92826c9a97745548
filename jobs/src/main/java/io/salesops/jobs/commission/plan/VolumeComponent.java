package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/** Pays a fixed amount per unit (kg or t) of each credit's quantity. */
public record VolumeComponent(String id, BigDecimal ratePerUnit, QuantityUnit unit, Optional<BigDecimal> cap)
        implements EarningComponent {

    public VolumeComponent {
        PlanRules.requireId(id);
        PlanRules.requireNonNegative(ratePerUnit, "rate_per_unit");
        if (unit == null) {
            throw new IllegalArgumentException("volume component " + id + " needs a unit: kg or t");
        }
        PlanRules.requirePositiveCap(cap);
    }
}
