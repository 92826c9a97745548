package io.salesops.jobs.commission.calc;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a rep was hired and, if they left, when: what a draw needs to know about the periods it
 * settles (its months of employment, the month the rep left). Either date may be unknown (null).
 * Not checked against each other: the warehouse keeps what the HR export says, and only a draw
 * reads them.
 */
public record Employment(LocalDate hireDate, LocalDate terminationDate) {

    /** Nothing known: neither a draw limited to months nor one forgiven at termination can use it. */
    public static final Employment UNKNOWN = new Employment(null, null);

    /** 1 in the hire month, 2 in the next calendar month, and so on (see {@link QuotaRamp}). */
    int month(YearMonth period) {
        return QuotaRamp.employmentMonth(hireDate, period);
    }

    /** Whether the rep left before this period began. */
    boolean leftBefore(YearMonth period) {
        return terminationDate != null && YearMonth.from(terminationDate).isBefore(period);
    }

    /** Whether the rep had left by the end of this period (in it, or before it). */
    boolean leftBy(YearMonth period) {
        return terminationDate != null && !YearMonth.from(terminationDate).isAfter(period);
    }
}
