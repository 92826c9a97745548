package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The least a rep is paid per period. It earns nothing by itself: it settles a sequence of
 * periods' earned totals (see {@code calc.DrawMath}), so it is neither an earning component nor
 * something a cap can name. With {@code months} it is a new hire's draw: paid in the rep's first
 * that many months of employment (the hire month is month 1) and not after; what a recoverable
 * draw advanced is still recovered from later earnings. {@code atTermination} says what happens to a
 * recoverable draw's balance in the month the rep leaves.
 */
public record DrawComponent(String id, BigDecimal amount, DrawType type, Optional<Integer> months,
        DrawAtTermination atTermination) implements Component {

    /** The most months a draw can be limited to: ten years, as for a ramp. */
    public static final int MAX_MONTHS = 120;

    public DrawComponent {
        PlanRules.requireId(id);
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("draw amount must be above 0, cannot be: " + amount);
        }
        if (type == null) {
            throw new IllegalArgumentException("draw type is required: recoverable or non_recoverable");
        }
        if (months == null) {
            throw new IllegalArgumentException("draw " + id + " months is required (may be empty: every period)");
        }
        months.filter(m -> m < 1 || m > MAX_MONTHS).ifPresent(m -> {
            throw new IllegalArgumentException("draw " + id + " months must be a whole number from 1 to "
                    + MAX_MONTHS + ", cannot be: " + m);
        });
        if (atTermination == null) {
            throw new IllegalArgumentException("draw " + id + " at_termination is required: carry or forgive");
        }
        if (atTermination == DrawAtTermination.FORGIVE && type != DrawType.RECOVERABLE) {
            throw new IllegalArgumentException("draw " + id + ": only a recoverable draw carries a balance to"
                    + " forgive, cannot be: forgive on a non_recoverable draw");
        }
    }

    /** A draw paid in every period whose balance stays owed when the rep leaves. */
    public DrawComponent(String id, BigDecimal amount, DrawType type) {
        this(id, amount, type, Optional.empty(), DrawAtTermination.CARRY);
    }

    /** A draw limited to the first months of employment (or not) whose balance stays owed when the rep leaves. */
    public DrawComponent(String id, BigDecimal amount, DrawType type, Optional<Integer> months) {
        this(id, amount, type, months, DrawAtTermination.CARRY);
    }
}
