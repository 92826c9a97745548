package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A rate on each credit's gross margin: credited amount − cost. A negative margin pays nothing
 * (it does not reduce what other credits earn); its line says so.
 */
public record MarginComponent(String id, BigDecimal rate, Optional<BigDecimal> cap) implements EarningComponent {

    public MarginComponent {
        PlanRules.requireId(id);
        PlanRules.requireNonNegative(rate, "rate");
        PlanRules.requirePositiveCap(cap);
    }
}
