package io.salesops.reports.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How reports print numbers: the one place that decides scale, rounding and separators, so that
 * every report prints the same value the same way whatever the JVM's locale.
 */
public final class ReportFormats {

    /** Printed where a ratio has no value, e.g. attainment against a zero quota. */
    public static final String NOT_APPLICABLE = "—";

    private static final int MONEY_SCALE = 2;
    private static final int PERCENT_SCALE = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportFormats() {
    }

    /** 1234567.891 → {@code 1,234,567.89}; half up; negative amounts keep their minus sign. */
    public static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,." + MONEY_SCALE + "f", amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP));
    }

    /** A ratio as a percentage: 0.9731 → {@code 97.3%}; null → {@link #NOT_APPLICABLE}. */
    public static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return NOT_APPLICABLE;
        }
        BigDecimal percent = ratio.multiply(HUNDRED).setScale(PERCENT_SCALE, RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + PERCENT_SCALE + "f%%", percent);
    }

    /** 12345 → {@code 12,345}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
