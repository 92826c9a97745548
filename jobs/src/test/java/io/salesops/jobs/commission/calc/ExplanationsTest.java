package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void groupsThousandsAndKeepsTheDecimalsAsked() {
        assertThat(Explanations.grouped(new BigDecimal("1234567.5"), 2)).isEqualTo("1,234,567.50");
        assertThat(Explanations.grouped(new BigDecimal("-1000"), 2)).isEqualTo("-1,000.00");
        assertThat(Explanations.grouped(new BigDecimal("999"), 0)).isEqualTo("999");
        assertThat(Explanations.grouped(new BigDecimal("0.125"), 2)).isEqualTo("0.12");
        assertThat(Explanations.grouped(new BigDecimal("100000"), 0)).isEqualTo("100,000");
    }

    /** The hand-written formatting agrees with DecimalFormat (the way it used to be done) on random values. */
    @Test
    void agreesWithDecimalFormat() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L),
                    random.nextInt(0, 7));
            int decimals = random.nextInt(0, 7);
            DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            String expected = format.format(value);
            assertThat(Explanations.grouped(value, decimals)).as("%s with %d decimals", value, decimals)
                    .isEqualTo(expected.equals("-0") || expected.matches("-0\\.0+") ? expected.substring(1) : expected);
        }
    }
}
