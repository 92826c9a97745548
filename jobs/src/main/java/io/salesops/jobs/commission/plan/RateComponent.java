package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A base rate on each credited transaction, multiplied by its product category's multiplier
 * (1 for a category the plan does not list).
 */
public record RateComponent(String id, BigDecimal rate, Map<String, BigDecimal> categoryMultipliers,
        Optional<BigDecimal> cap) implements EarningComponent {

    public RateComponent {
        PlanRules.requireId(id);
        PlanRules.requireNonNegative(rate, "rate");
        categoryMultipliers = Map.copyOf(categoryMultipliers);
        categoryMultipliers.values().forEach(m -> PlanRules.requireNonNegative(m, "category multiplier"));
        PlanRules.requirePositiveCap(cap);
    }

    public BigDecimal multiplierFor(String category) {
        return category == null ? BigDecimal.ONE : categoryMultipliers.getOrDefault(category, BigDecimal.ONE);
    }
}
