package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Rates by tier of the period's total credited amount, applied marginally or retro. */
public record TieredComponent(String id, TierMode mode, List<Tier> tiers, Optional<BigDecimal> cap)
        implements EarningComponent {

    public TieredComponent {
        PlanRules.requireId(id);
        if (mode == null) {
            throw new IllegalArgumentException("tier mode is required: marginal or retro");
        }
        tiers = List.copyOf(tiers);
        PlanRules.requireContiguous(tiers.stream().map(t -> new PlanRules.Bounds(t.from(), t.to())).toList(),
                "tier");
        PlanRules.requirePositiveCap(cap);
    }
}
