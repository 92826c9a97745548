package io.salesops.jobs.commission.calc;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a rep was hired and, if they left, when: what a draw needs to know about the periods it
 * settles (its months of employment, the month the rep left). Either date may be unknown (null).
 */
public record Employment(LocalDate hireDate, LocalDate terminationDate) {

    /** Nothing known: neither a draw limited to months nor one forgiven at termination can use it. */
    public static final Employment UNKNOWN = new Employment(null, null);

    public Employment {
        if (hireDate != null && terminationDate != null && terminationDate.isBefore(hireDate)) {
            throw new IllegalArgumentException("the termination date must not be before the hire date " + hireDate
                    + ", cannot be: " + terminationDate);
        }
    }

    /** 1 in the hire month, 2 in the next calendar month, and so on (see {@link QuotaRamp}). */
    int month(YearMonth period) {
        return QuotaRamp.employmentMonth(hireDate, period);
    }

    /** Whether the rep left during this period. */
    boolean leftIn(YearMonth period) {
        return terminationDate != null && YearMonth.from(terminationDate).equals(period);
    }
}
