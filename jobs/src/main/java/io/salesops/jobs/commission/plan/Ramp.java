package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A new hire's ramped quota: each step names an employment month (the hire month is month 1) and
 * the share of the full quota that applies in it. A month no step names (after the last step, or
 * one skipped) uses the full quota. Rules: months increase, shares are above 0% and at most 100%.
 */
public record Ramp(List<RampStep> steps) {

    public Ramp {
        steps = List.copyOf(steps);
        List<String> problems = PlanRules.rampProblems(steps);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
    }

    /** The share of the full quota in employment month {@code month}: 1 when no step names it. */
    public BigDecimal shareIn(int month) {
        return steps.stream().filter(step -> step.month() == month).map(RampStep::share).findFirst()
                .orElse(BigDecimal.ONE);
    }
}
