package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;

/**
 * The least a rep is paid per period. It earns nothing by itself: it settles a sequence of
 * periods' earned totals (see {@code calc.DrawMath}), so it is neither an earning component nor
 * something a cap can name.
 */
public record DrawComponent(String id, BigDecimal amount, DrawType type) implements Component {

    public DrawComponent {
        PlanRules.requireId(id);
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("draw amount must be above 0, cannot be: " + amount);
        }
        if (type == null) {
            throw new IllegalArgumentException("draw type is required: recoverable or non_recoverable");
        }
    }
}
