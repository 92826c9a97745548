package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One line of a rep's commission: the component, the source transaction (empty for lines on the
 * period's total), the tier or band number (0 when none), the base, the rate (empty for a cap's
 * reduction, a fixed bonus or a draw), the rounded amount and a sentence saying how it was computed.
 */
public record PayoutLine(String component, String source, int tier, BigDecimal base, Optional<BigDecimal> rate,
        BigDecimal amount, String explanation) {
}
