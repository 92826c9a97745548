package io.salesops.ingest.sample;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What to generate: how much ({@code scale}, 1 ≈ 100 000 accounts and 1 000 000 opportunities over
 * 36 months), which random world ({@code seed}) and which months. The data spans {@code months}
 * months ending with {@code endMonth}; nothing depends on the wall clock, so the same settings
 * always give the same bytes.
 */
public record GeneratorSettings(double scale, long seed, int months, YearMonth endMonth) {

    public static final double MAX_SCALE = 20;
    public static final int MAX_MONTHS = 120;
    /** A fixed default so that a run without --end-month is reproducible next year too. */
    public static final YearMonth DEFAULT_END_MONTH = YearMonth.of(2025, 12);
    public static final int DEFAULT_MONTHS = 36;
    public static final long DEFAULT_SEED = 42;

    public GeneratorSettings {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be greater than 0, cannot be: " + plain(scale));
        }
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be at most " + plain(MAX_SCALE) + ", cannot be: " + plain(scale));
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + ", cannot be: " + months);
        }
        if (endMonth == null) {
            throw new IllegalArgumentException("endMonth must be set, cannot be: null");
        }
    }

    /** The default window (36 months ending {@link #DEFAULT_END_MONTH}). */
    public static GeneratorSettings of(double scale, long seed) {
        return new GeneratorSettings(scale, seed, DEFAULT_MONTHS, DEFAULT_END_MONTH);
    }

    public YearMonth startMonth() {
        return endMonth.minusMonths(months - 1L);
    }

    /** -1 rather than -1.0 in messages and the manifest. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
