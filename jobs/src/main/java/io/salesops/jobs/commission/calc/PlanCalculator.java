package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.Component;
import io.salesops.jobs.commission.plan.EarningComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A rep's commission for one period: every earning component's exact lines, then the single
 * rounding step, then caps. Pure: the same plan, credits and quota give the same statement.
 */
public final class PlanCalculator {

    private PlanCalculator() {
    }

    /**
     * @param credits the rep's credited transactions in the period, in the plan's currency
     * @param quota   the rep's quota for the period; needed only by quota_attainment components
     */
    public static Statement calculate(CommissionPlan plan, List<Credit> credits, BigDecimal quota) {
        List<PayoutLine> rounded = RoundingStep.round(exactLines(plan, credits, quota), plan.rounding());
        return new Statement(plan.id(), plan.version(), plan.currency(), CapStep.apply(plan, rounded));
    }

    /** The lines before rounding and caps, in component order; exposed to check rounding residue. */
    public static List<ExactLine> exactLines(CommissionPlan plan, List<Credit> credits, BigDecimal quota) {
        List<ExactLine> lines = new ArrayList<>();
        for (Component component : plan.components()) {
            if (component instanceof EarningComponent earning) {
                lines.addAll(ComponentMath.lines(earning, credits, quota, plan.rounding().scale()));
            }
        }
        return lines;
    }
}
