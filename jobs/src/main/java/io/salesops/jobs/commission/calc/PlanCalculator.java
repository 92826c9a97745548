package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.Component;
import io.salesops.jobs.commission.plan.EarningComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A rep's commission for one period: every earning component's exact lines, then the single
 * rounding step, then caps. Pure: the same plan and input give the same statement. A
 * quota_attainment component with a year-to-date true-up is paid by {@link TrueUpMath} over the
 * year's periods, not here.
 */
public final class PlanCalculator {

    private PlanCalculator() {
    }

    /**
     * @param credits the rep's credited transactions in the period, in the plan's currency
     * @param quota   the rep's quota for the period; needed only by quota_attainment components
     */
    public static Statement calculate(CommissionPlan plan, List<Credit> credits, BigDecimal quota) {
        return calculate(plan, PeriodInput.of(credits, quota));
    }

    /** The statement for a rep's period; ramped quotas and manager overrides need the input's details. */
    public static Statement calculate(CommissionPlan plan, PeriodInput input) {
        List<PayoutLine> rounded = RoundingStep.round(exactLines(plan, input), plan.rounding());
        return new Statement(plan.id(), plan.version(), plan.currency(), CapStep.apply(plan, rounded));
    }

    /** The lines before rounding and caps, in component order; exposed to check rounding residue. */
    public static List<ExactLine> exactLines(CommissionPlan plan, List<Credit> credits, BigDecimal quota) {
        return exactLines(plan, PeriodInput.of(credits, quota));
    }

    public static List<ExactLine> exactLines(CommissionPlan plan, PeriodInput input) {
        List<ExactLine> lines = new ArrayList<>();
        for (Component component : plan.components()) {
            if (component instanceof EarningComponent earning) {
                lines.addAll(ComponentMath.lines(earning, plan, input));
            }
        }
        return lines;
    }
}
