package io.salesops.warehouse.calendar;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Spring Festival (Chinese New Year) on the business calendar: its real date each year, from ICU's
 * Chinese calendar, and the holiday window around it in which Chinese B2B trade goes quiet. The
 * festival moves between 21 January and 20 February, so the month that carries the dip moves too;
 * a model that knows only the calendar month cannot tell a year with the festival in January from
 * one with it in February.
 */
public final class SpringFestival {

    /** Factories and offices wind down about a week before the festival. */
    public static final int DAYS_BEFORE = 7;
    /** ... and are back after the Lantern Festival, the 15th day of the first month. */
    public static final int DAYS_AFTER = 14;
    public static final int WINDOW_DAYS = DAYS_BEFORE + 1 + DAYS_AFTER;

    private static final TimeZone BEIJING = TimeZone.getTimeZone("Asia/Shanghai");

    private SpringFestival() {
    }

    /** The first day of the first month of the Chinese year that begins in {@code year}. */
    public static LocalDate date(int year) {
        ChineseCalendar chinese = new ChineseCalendar(BEIJING);
        GregorianCalendar gregorian = new GregorianCalendar(BEIJING);
        // the festival always falls between 21 January and 20 February
        for (LocalDate day = LocalDate.of(year, 1, 20); day.isBefore(LocalDate.of(year, 2, 22));
             day = day.plusDays(1)) {
            gregorian.clear();
            gregorian.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 12, 0, 0);
            chinese.setTimeInMillis(gregorian.getTimeInMillis());
            if (chinese.get(ChineseCalendar.MONTH) == 0 && chinese.get(ChineseCalendar.IS_LEAP_MONTH) == 0
                    && chinese.get(ChineseCalendar.DAY_OF_MONTH) == 1) {
                return day;
            }
        }
        throw new IllegalStateException("ICU's Chinese calendar gives no new year between 20 January and"
                + " 21 February " + year);
    }

    /** The first day of the holiday window of {@code year}'s festival. */
    public static LocalDate windowStart(int year) {
        return date(year).minusDays(DAYS_BEFORE);
    }

    /**
     * The share (0..1) of a festival's holiday window that falls in the month: over the months of
     * one festival the shares add up to 1. Only January to March can hold any.
     */
    public static double share(YearMonth month) {
        if (month.getMonthValue() > 3) {
            return 0;
        }
        LocalDate from = windowStart(month.getYear());
        LocalDate to = from.plusDays(WINDOW_DAYS); // exclusive
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.plusMonths(1).atDay(1);
        LocalDate start = from.isAfter(monthStart) ? from : monthStart;
        LocalDate end = to.isBefore(monthEnd) ? to : monthEnd;
        long days = Math.max(0, ChronoUnit.DAYS.between(start, end));
        return days / (double) WINDOW_DAYS;
    }
}
