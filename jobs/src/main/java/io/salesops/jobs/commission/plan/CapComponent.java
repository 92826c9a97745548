package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * The most the listed earning components pay together in one period; an empty list means every
 * earning component of the plan.
 */
public record CapComponent(String id, BigDecimal amount, List<String> appliesTo) implements Component {

    public CapComponent {
        PlanRules.requireId(id);
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("cap amount must be above 0, cannot be: " + amount);
        }
        appliesTo = List.copyOf(appliesTo);
    }

    public boolean covers(String componentId) {
        return appliesTo.isEmpty() || appliesTo.contains(componentId);
    }
}
