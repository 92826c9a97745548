package io.salesops.jobs.forecast.model;

import java.time.YearMonth;
import java.util.Arrays;

/** One value per calendar month, without gaps, from {@code first} on (revenue, in the reporting currency). */
public record MonthlySeries(YearMonth first, double[] values) {

    public MonthlySeries {
        if (first == null || values == null) {
            throw new IllegalArgumentException("a monthly series needs its first month and its values");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("month " + first.plusMonths(i) + " has no finite value: " + values[i]);
            }
        }
    }

    public static MonthlySeries of(YearMonth first, double... values) {
        return new MonthlySeries(first, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public YearMonth month(int i) {
        return first.plusMonths(i);
    }

    /** The month after the last one: the first a forecast is for. */
    public YearMonth next() {
        return first.plusMonths(values.length);
    }

    /** The months before {@code origin}: what a forecast made at {@code origin} may know. */
    public MonthlySeries before(YearMonth origin) {
        long keep = Math.max(0, Math.min(values.length, first.until(origin, java.time.temporal.ChronoUnit.MONTHS)));
        return new MonthlySeries(first, Arrays.copyOf(values, (int) keep));
    }

    /** The value of {@code month}, or NaN when the series does not cover it. */
    public double at(YearMonth month) {
        long i = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        return i >= 0 && i < values.length ? values[(int) i] : Double.NaN;
    }

    public boolean allPositive() {
        return Arrays.stream(values).allMatch(v -> v > 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthlySeries other && first.equals(other.first) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * first.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MonthlySeries[" + first + ", " + Arrays.toString(values) + "]";
    }
}
