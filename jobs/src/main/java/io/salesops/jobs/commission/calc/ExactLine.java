package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;

/**
 * A payout line before rounding: what the components compute. Only {@link RoundingStep} turns
 * these into {@link PayoutLine}s.
 *
 * @param source the transaction id, or empty for a line on the period's total
 * @param tier   the tier or band number (from 1), or 0 when the component has none
 * @param rate   the rate applied to the base, or null for a fixed amount (a fixed bonus)
 */
public record ExactLine(String component, String source, int tier, BigDecimal base, BigDecimal rate,
        BigDecimal amount, String explanation) {
}
