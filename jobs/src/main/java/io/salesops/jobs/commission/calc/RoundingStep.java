package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.Rounding;
import java.util.List;
import java.util.Optional;

/**
 * The one rounding step of the commission math: each exact line's amount is rounded once, at the
 * plan's scale and mode. Caps run after it on rounded amounts by subtraction, which needs no
 * rounding because cap amounts are validated to the same scale.
 */
final class RoundingStep {

    private RoundingStep() {
    }

    static List<PayoutLine> round(List<ExactLine> lines, Rounding rounding) {
        return lines.stream().map(line -> new PayoutLine(line.component(), line.source(), line.tier(), line.base(),
                Optional.ofNullable(line.rate()), rounding.round(line.amount()), line.explanation())).toList();
    }
}
