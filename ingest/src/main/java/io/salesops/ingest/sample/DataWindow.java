package io.salesops.ingest.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * The months the data covers and the business calendar inside them: Chinese New Year dip,
 * year-end push, about 15 % growth a year, quiet weekends, and office hours in China (UTC+8).
 * All dates are epoch days and all instants epoch seconds, UTC.
 */
final class DataWindow {
    /** Demand by calendar month: Spring Festival in Jan/Feb, Golden Week in October, year-end push. */
    private static final double[] SEASON = {0.70, 0.50, 1.00, 1.05, 1.02, 1.00, 0.95, 0.95, 1.05, 0.90, 1.20, 1.30};
    private static final double GROWTH_PER_YEAR = 1.15;
    private static final double WEEKEND_WEIGHT = 0.12;
    /** 08:30 and 18:00 in Beijing are 00:30 and 10:00 UTC. */
    private static final int FIRST_OFFICE_MINUTE_UTC = 30;
    private static final int LAST_OFFICE_MINUTE_UTC = 599;

    private final YearMonth start;
    private final int months;
    private final int[] monthStartDays;
    private final double[] activity;

    DataWindow(YearMonth start, int months) {
        this.start = start;
        this.months = months;
        this.monthStartDays = new int[months + 1];
        this.activity = new double[months];
        for (int m = 0; m <= months; m++) {
            monthStartDays[m] = (int) start.plusMonths(m).atDay(1).toEpochDay();
        }
        for (int m = 0; m < months; m++) {
            int calendarMonth = start.plusMonths(m).getMonthValue();
            activity[m] = SEASON[calendarMonth - 1] * StrictMath.pow(GROWTH_PER_YEAR, m / 12.0);
        }
    }

    static DataWindow of(GeneratorSettings settings) {
        return new DataWindow(settings.startMonth(), settings.months());
    }

    int months() {
        return months;
    }

    YearMonth month(int m) {
        return start.plusMonths(m);
    }

    int startDay() {
        return monthStartDays[0];
    }

    /** The last day with data. */
    int endDay() {
        return monthStartDays[months] - 1;
    }

    int monthStart(int m) {
        return monthStartDays[m];
    }

    int monthEnd(int m) {
        return monthStartDays[m + 1] - 1;
    }

    int monthOf(int day) {
        for (int m = months - 1; m >= 0; m--) {
            if (day >= monthStartDays[m]) {
                return m;
            }
        }
        return 0;
    }

    /** Relative business volume of month m (season times growth). */
    double activity(int m) {
        return activity[m];
    }

    /** Splits {@code total} over the months in proportion to their activity; the parts add up exactly. */
    long[] allocate(long total) {
        return Shares.allocate(total, activity);
    }

    /** A day in [from, to], weekends much less likely. */
    static int workday(SplittableRandom random, int from, int to) {
        int day = from;
        for (int attempt = 0; attempt < 20; attempt++) {
            day = Draw.between(random, from, Math.max(from, to));
            int dayOfWeek = Math.floorMod(day + 3, 7); // 0 = Monday: epoch day 0 was a Thursday
            if (dayOfWeek < 5 || Draw.chance(random, WEEKEND_WEIGHT)) {
                return day;
            }
        }
        return day;
    }

    /** An instant on {@code day} during office hours in China, on the minute. */
    static long officeSecond(SplittableRandom random, int day) {
        return day * 86_400L + Draw.between(random, FIRST_OFFICE_MINUTE_UTC, LAST_OFFICE_MINUTE_UTC) * 60L;
    }

    static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
