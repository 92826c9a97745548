package io.salesops.schedules;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Turns the {@code period} value of a schedule into the month a launch works on.
 *
 * <p>A rule is either {@value #PREVIOUS_MONTH} (the last complete month at fire time, on the
 * calendar of the schedule's time zone) or a literal month written {@code YYYY-MM}. The month is
 * taken in the schedule's zone, not in UTC: a month-end run at 02:00 on 1 March in Shanghai is
 * still 28 February in UTC, and must close February, not January.
 */
public final class PeriodRule {

    /** The last complete month at fire time. */
    public static final String PREVIOUS_MONTH = "previous-month";

    private static final DateTimeFormatter YEAR_MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private PeriodRule() {
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
            return YearMonth.from(firedAt.atZone(zone)).minusMonths(1);
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
