package io.salesops.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
