package io.salesops.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.SplittableRandom;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReportFormatsTest {

    @Test
    void moneyHasThousandsSeparatorsAndTwoDecimalsRoundedHalfUp() {
        assertThat(ReportFormats.money(new BigDecimal("1234567.89"))).isEqualTo("1,234,567.89");
        assertThat(ReportFormats.money(new BigDecimal("1234567.885"))).isEqualTo("1,234,567.89");
        assertThat(ReportFormats.money(new BigDecimal("0.004"))).isEqualTo("0.00");
        assertThat(ReportFormats.money(new BigDecimal("1000"))).isEqualTo("1,000.00");
        assertThat(ReportFormats.money(new BigDecimal("-1234.5"))).isEqualTo("-1,234.50");
    }

    /** The hand-written grouping agrees with DecimalFormat on random values, scales and both roundings. */
    @Test
    void groupedAgreesWithDecimalFormat() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L),
                    random.nextInt(0, 7));
            int decimals = random.nextInt(0, 7);
            RoundingMode rounding = random.nextBoolean() ? RoundingMode.HALF_UP : RoundingMode.HALF_EVEN;
            DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            format.setRoundingMode(rounding);
            String expected = format.format(value);
            assertThat(ReportFormats.grouped(value, decimals, rounding))
                    .as("%s with %d decimals, %s", value, decimals, rounding)
                    .isEqualTo(expected.equals("-0") || expected.matches("-0\\.0+") ? expected.substring(1) : expected);
        }
    }

    @Test
    void percentPrintsARatioWithOneDecimal() {
        assertThat(ReportFormats.percent(new BigDecimal("0.9731"))).isEqualTo("97.3%");
        assertThat(ReportFormats.percent(new BigDecimal("0.97350"))).isEqualTo("97.4%");
        assertThat(ReportFormats.percent(new BigDecimal("12.5"))).isEqualTo("1,250.0%");
        assertThat(ReportFormats.percent(BigDecimal.ZERO)).isEqualTo("0.0%");
        assertThat(ReportFormats.percent(null)).isEqualTo("—");
    }

    @Test
    void countHasThousandsSeparators() {
        assertThat(ReportFormats.count(0)).isEqualTo("0");
        assertThat(ReportFormats.count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(ReportFormats.money(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
            assertThat(ReportFormats.percent(new BigDecimal("0.5"))).isEqualTo("50.0%");
        } finally {
            Locale.setDefault(previous);
        }
    }
}
