package io.salesops.schedules;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * What a period is, written and defaulted: the one place a month typed by a user or configured in
 * a schedule becomes a {@link YearMonth}, and the one rule for the period a job works on when none
 * is given, used by the scheduler, {@code salesops run}, {@code salesops demo} and the benchmarks.
 *
 * <p>A schedule's rule is either {@value #PREVIOUS_MONTH} (the last complete month at fire time) or
 * a literal month written {@code YYYY-MM}. The month is taken on the calendar of a time zone, not
 * of UTC: a month-end run at 02:00 on 1 March in Shanghai is still 28 February in UTC, and must
 * close February, not January.
 */
public final class PeriodRule {

    /** The last complete month at fire time. */
    public static final String PREVIOUS_MONTH = "previous-month";

    private static final DateTimeFormatter YEAR_MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private PeriodRule() {
    }

    /**
     * The default period: the last complete month, which is the month before the one {@code now}
     * falls in on {@code zone}'s calendar (a month still running is not complete).
     */
    public static YearMonth lastCompleteMonth(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** {@link #lastCompleteMonth(Instant, ZoneId)} at the clock's instant, on the clock's zone. */
    public static YearMonth lastCompleteMonth(Clock clock) {
        return lastCompleteMonth(clock.instant(), clock.getZone());
    }

    /**
     * A month written {@code YYYY-MM} (four-digit year, two-digit month 01–12).
     *
     * @throws IllegalArgumentException naming the text
     */
    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text, YEAR_MONTH);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("a period is a month written YYYY-MM, cannot be: '" + text + "'", ex);
        }
    }

    /**
     * @param rule {@value #PREVIOUS_MONTH} or a month written {@code YYYY-MM}
     * @param firedAt when the schedule fired
     * @param zone the schedule's time zone, whose calendar decides which month {@code firedAt} is in
     * @return the month the launch works on
     * @throws IllegalArgumentException when the rule is neither of the two forms
     */
    public static YearMonth resolve(String rule, Instant firedAt, ZoneId zone) {
        if (PREVIOUS_MONTH.equals(rule)) {
            return lastCompleteMonth(firedAt, zone);
        }
        return parseLiteral(rule);
    }

    /**
     * Checks a rule without resolving it, so configuration can be rejected at startup.
     *
     * @throws IllegalArgumentException naming the rule and the bad value
     */
    public static void check(String rule) {
        if (!PREVIOUS_MONTH.equals(rule)) {
            parseLiteral(rule);
        }
    }

    private static YearMonth parseLiteral(String rule) {
        try {
            return YearMonth.parse(rule == null ? "" : rule, YEAR_MONTH);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("must be '" + PREVIOUS_MONTH
                    + "' or a month written YYYY-MM, cannot be: '" + rule + "'", ex);
        }
    }
}
