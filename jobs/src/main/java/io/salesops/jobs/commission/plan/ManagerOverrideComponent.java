package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pays a manager {@code rate} on each credit of the reps in their team: the reps who reported to
 * the manager on the credit's date. Crediting decides who those are (effective-dated hierarchy);
 * the calculator receives the team's credits explicitly and pays one line per team credit.
 */
public record ManagerOverrideComponent(String id, BigDecimal rate, Optional<BigDecimal> cap)
        implements EarningComponent {

    public ManagerOverrideComponent {
        PlanRules.requireId(id);
        PlanRules.requireNonNegative(rate, "rate");
        PlanRules.requirePositiveCap(cap);
    }
}
