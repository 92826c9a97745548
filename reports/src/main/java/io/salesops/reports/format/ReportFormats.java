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
        return grouped(amount, MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Thousands separators and exactly {@code decimals} decimals, rounded with {@code rounding}; a
     * value that rounds to zero prints without a sign. Written out rather than with String.format or
     * DecimalFormat: statements print hundreds of thousands of amounts, and formatting them that way
     * was a tenth of rendering the PDFs (and of the calculation's explanations).
     */
    public static String grouped(BigDecimal value, int decimals, RoundingMode rounding) {
        BigDecimal rounded = value.setScale(decimals, rounding);
        String digits = rounded.abs().toPlainString();
        int point = digits.indexOf('.');
        int integerEnd = point < 0 ? digits.length() : point;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < integerEnd; i++) {
            if (i > 0 && (integerEnd - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.append(digits, integerEnd, digits.length()).toString();
    }

    /** A ratio as a percentage: 0.9731 → {@code 97.3%}; null → {@link #NOT_APPLICABLE}. */
    public static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return NOT_APPLICABLE;
        }
        return grouped(ratio.multiply(HUNDRED), PERCENT_SCALE, RoundingMode.HALF_UP) + "%";
    }

    /** 12345 → {@code 12,345}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
