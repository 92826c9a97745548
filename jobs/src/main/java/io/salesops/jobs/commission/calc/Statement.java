package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;
import java.util.List;

/** A rep's commission for one period under one plan version: its lines and their total. */
public record Statement(String planId, int planVersion, String currency, List<PayoutLine> lines) {

    public Statement {
        lines = List.copyOf(lines);
    }

    /** Σ line amounts; exact, since every line is already rounded. */
    public BigDecimal total() {
        return lines.stream().map(PayoutLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
