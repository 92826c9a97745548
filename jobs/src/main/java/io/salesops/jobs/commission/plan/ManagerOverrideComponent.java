package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Pays a manager a rate on each credit of the reps in their team: the reps who reported to the
 * manager on the credit's date, directly or, with more than one level, through up to that many
 * levels of the hierarchy (a director's roll-up over their managers' teams). Crediting decides who
 * those are (effective-dated hierarchy); the calculator receives the team's credits explicitly,
 * each with its level, and pays one line per team credit within reach.
 *
 * @param rates the rate paid on a credit of each level, from level 1 (direct reports); how many
 *              there are is how far down the override reaches. One rate for every level is the
 *              common case ({@code rate} and {@code levels} in a plan); a rate per level
 *              ({@code rates}) lets a roll-up pay more, or less, the deeper a credit is.
 */
public record ManagerOverrideComponent(String id, List<BigDecimal> rates, Optional<BigDecimal> cap)
        implements EarningComponent {

    /** The deepest roll-up a plan may ask for; deeper sales hierarchies are rare and likely a typo. */
    public static final int MAX_LEVELS = 10;

    public ManagerOverrideComponent {
        PlanRules.requireId(id);
        requireLevels(rates == null ? 0 : rates.size());
        rates.forEach(rate -> PlanRules.requireNonNegative(rate, "rate"));
        rates = List.copyOf(rates);
        PlanRules.requirePositiveCap(cap);
    }

    /** The same rate on every level down to {@code levels}: 1 = direct reports only. */
    public ManagerOverrideComponent(String id, BigDecimal rate, Optional<BigDecimal> cap, int levels) {
        this(id, sameOnEachLevel(rate, levels), cap);
    }

    /** An override on direct reports only. */
    public ManagerOverrideComponent(String id, BigDecimal rate, Optional<BigDecimal> cap) {
        this(id, rate, cap, 1);
    }

    /** How many levels down the override reaches. */
    public int levels() {
        return rates.size();
    }

    /** The rate on a credit {@code level} levels below the manager (1 = a direct report), within reach. */
    public BigDecimal rate(int level) {
        if (level < 1 || level > levels()) {
            throw new IllegalArgumentException("override " + id + " reaches levels 1 to " + levels()
                    + ", cannot be: " + level);
        }
        return rates.get(level - 1);
    }

    /** The rate itself is checked with every other rate, by the canonical constructor. */
    private static List<BigDecimal> sameOnEachLevel(BigDecimal rate, int levels) {
        requireLevels(levels); // before nCopies, which refuses a negative count with a message of its own
        return Collections.nCopies(levels, rate);
    }

    private static void requireLevels(int levels) {
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be a whole number from 1 to " + MAX_LEVELS
                    + ", cannot be: " + levels);
        }
    }
}
