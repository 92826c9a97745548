package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;

/**
 * One period of a year for a year-to-date true-up: its label ({@code YYYY-MM}), the rep's credited
 * amount in it and its quota (already ramped, {@link QuotaRamp}, for a new hire).
 */
public record QuotaPeriod(String period, BigDecimal credited, BigDecimal quota) {

    public QuotaPeriod {
        if (period == null || period.isBlank() || credited == null || quota == null) {
            throw new IllegalArgumentException("a true-up period needs its label, credited amount and quota, cannot be: "
                    + period + ", " + credited + ", " + quota);
        }
    }
}
