package io.salesops.jobs.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The festival moves from January (29 January 2025) to February (17 February 2026); the dip must follow it. */
class FestivalAdjustedTest {

    @Test
    void theFactorsOfAJanuaryAndAFebruaryFestival() {
        // 2025: 10 of the 22 window days in January, 12 in February; 2026: none in January, 19 in February
        assertThat(FestivalAdjusted.factor(YearMonth.of(2025, 1), 0.5)).isCloseTo(1 - 0.5 * 10 / 22, within(1e-12));
        assertThat(FestivalAdjusted.factor(YearMonth.of(2025, 2), 0.5)).isCloseTo(1 - 0.5 * 12 / 22, within(1e-12));
        assertThat(FestivalAdjusted.factor(YearMonth.of(2026, 1), 0.5)).isEqualTo(1.0);
        assertThat(FestivalAdjusted.factor(YearMonth.of(2026, 2), 0.5)).isCloseTo(1 - 0.5 * 19 / 22, within(1e-12));
    }

    @Test
    void aDipThatFollowsTheRealDateIsForecastInTheRightMonth() {
        // four years of flat business, 1 000 a month, losing 60 % of the festival window's share
        YearMonth first = YearMonth.of(2022, 1);
        double[] y = new double[48];
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 * FestivalAdjusted.factor(first.plusMonths(t), 0.6) * (1 + random.nextDouble(-0.01, 0.01));
        }
        MonthlySeries history = MonthlySeries.of(first, y);

        AutoEts.Selection adjusted = AutoEts.select(history, 12, true, r -> { }).orElseThrow();

        assertThat(adjusted.model()).isInstanceOf(FestivalAdjusted.class);
        assertThat(((FestivalAdjusted) adjusted.model()).depth()).isCloseTo(0.6, within(0.05));
        double[] mean = adjusted.model().pointForecasts(2);
        assertThat(mean[0]).as("January 2026: no festival, " + adjusted.model().model()).isCloseTo(1000, within(30.0));
        double february = 1000 * (1 - 0.6 * 19 / 22);
        assertThat(mean[1]).as("February 2026: the festival").isCloseTo(february, within(0.04 * february));

        // seasonal naive puts January 2025's dip into January 2026, about 27 % short
        double[] naive = Baselines.seasonalNaive(history, 12, r -> { }).orElseThrow().pointForecasts(2);
        assertThat(naive[0]).isLessThan(800);
    }
}
