package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.CapComponent;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.Component;
import io.salesops.jobs.commission.plan.EarningComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies caps to rounded lines by adding a reduction line, so every line that was earned stays
 * visible and the statement shows what the cap took. Each component's own cap first, then the
 * plan's cap component on what is left.
 */
final class CapStep {

    private CapStep() {
    }

    static List<PayoutLine> apply(CommissionPlan plan, List<PayoutLine> rounded) {
        List<PayoutLine> lines = new ArrayList<>(rounded);
        for (Component component : plan.components()) {
            if (component instanceof EarningComponent earning && earning.cap().isPresent()) {
                reduction(earning.id(), earning.cap().get(), lines, line -> line.component().equals(earning.id()),
                        plan.rounding().scale()).ifPresent(lines::add);
            }
        }
        for (Component component : plan.components()) {
            if (component instanceof CapComponent cap) {
                reduction(cap.id(), cap.amount(), lines, line -> cap.covers(line.component()),
                        plan.rounding().scale()).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private static Optional<PayoutLine> reduction(String id, BigDecimal cap, List<PayoutLine> lines,
            Predicate<PayoutLine> covered, int scale) {
        BigDecimal paid = lines.stream().filter(covered).map(PayoutLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (paid.compareTo(cap) <= 0) {
            return Optional.empty();
        }
        BigDecimal reduction = cap.subtract(paid);
        return Optional.of(new PayoutLine(id, "", 0, paid, Optional.empty(), reduction,
                "cap " + Explanations.money(cap, scale) + " on " + Explanations.money(paid, scale)
                        + " earned: reduced by " + Explanations.money(reduction.negate(), scale)));
    }
}
