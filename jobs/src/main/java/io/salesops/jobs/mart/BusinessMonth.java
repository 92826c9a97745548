package io.salesops.jobs.mart;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A period as the instants it spans on the business calendar: from its first midnight there
 * (inclusive) to the next month's (exclusive). What happened at 00:30 on the 1st in Shanghai
 * belongs to that month, whatever zone Spark renders timestamps in.
 */
public record BusinessMonth(YearMonth period, Instant start, Instant end) {

    public BusinessMonth {
        Objects.requireNonNull(period, "period");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a month starts before it ends: " + start + " .. " + end);
        }
    }

    public static BusinessMonth of(YearMonth period, ZoneId zone) {
        return new BusinessMonth(period, period.atDay(1).atStartOfDay(zone).toInstant(),
                period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /** The start as a Spark timestamp literal's value. */
    public Timestamp startTimestamp() {
        return Timestamp.from(start);
    }

    /** The end as a Spark timestamp literal's value. */
    public Timestamp endTimestamp() {
        return Timestamp.from(end);
    }
}
