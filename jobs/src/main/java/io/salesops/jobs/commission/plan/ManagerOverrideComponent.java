package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pays a manager {@code rate} on each credit of the reps in their team: the reps who reported to
 * the manager on the credit's date, directly or, with {@code levels} above 1, through up to that
 * many levels of the hierarchy (a director's roll-up over their managers' teams). Crediting decides
 * who those are (effective-dated hierarchy); the calculator receives the team's credits explicitly,
 * each with its level, and pays one line per team credit within reach.
 *
 * @param levels how far down the override reaches: 1 = direct reports only (the default)
 */
public record ManagerOverrideComponent(String id, BigDecimal rate, Optional<BigDecimal> cap, int levels)
        implements EarningComponent {

    /** The deepest roll-up a plan may ask for; deeper sales hierarchies are rare and likely a typo. */
    public static final int MAX_LEVELS = 10;

    public ManagerOverrideComponent {
        PlanRules.requireId(id);
        PlanRules.requireNonNegative(rate, "rate");
        PlanRules.requirePositiveCap(cap);
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be a whole number from 1 to " + MAX_LEVELS
                    + ", cannot be: " + levels);
        }
    }

    /** An override on direct reports only. */
    public ManagerOverrideComponent(String id, BigDecimal rate, Optional<BigDecimal> cap) {
        this(id, rate, cap, 1);
    }
}
