package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;
import java.util.List;

/**
 * A period's year-to-date true-up: the attainment lines on the year to date (each rounded once)
 * and, after the first period, a line taking back what earlier periods paid. Its total is what
 * the period pays: negative when attainment fell and earlier periods paid more than the year earns.
 */
public record TrueUpPeriod(String period, List<PayoutLine> lines) {

    public TrueUpPeriod {
        lines = List.copyOf(lines);
    }

    /** Σ line amounts; exact, since every line is already rounded. */
    public BigDecimal total() {
        return lines.stream().map(PayoutLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
