package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;

/** What a rep earned in one period (a statement's rounded total), the input of a draw. */
public record PeriodEarnings(String period, BigDecimal earned) {

    public PeriodEarnings {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("period must be YYYY-MM, cannot be: " + period);
        }
        if (earned == null) {
            throw new IllegalArgumentException("earned is required for period " + period);
        }
    }
}
