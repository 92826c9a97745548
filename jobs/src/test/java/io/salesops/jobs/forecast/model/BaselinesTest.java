package io.salesops.jobs.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final YearMonth JAN = YearMonth.of(2025, 1);

    @Test
    void naiveRepeatsTheLastMonthWithARandomWalkInterval() {
        // residuals 2, −3, 6: σ = √(49 / 3)
        FittedModel naive = Baselines.naive(MonthlySeries.of(JAN, 10, 12, 9, 15), r -> { }).orElseThrow();
        double sigma = Math.sqrt(49 / 3.0);

        List<Forecast> forecasts = naive.forecast(3);

        assertThat(naive.model()).isEqualTo("naive");
        assertThat(forecasts).extracting(Forecast::target)
                .containsExactly(YearMonth.of(2025, 5), YearMonth.of(2025, 6), YearMonth.of(2025, 7));
        assertThat(forecasts).extracting(Forecast::p50).containsExactly(15.0, 15.0, 15.0);
        assertThat(forecasts.get(0).p90()).isCloseTo(15 + 1.2815515655 * sigma, within(1e-6));
        assertThat(forecasts.get(2).p10()).isCloseTo(15 - 1.2815515655 * sigma * Math.sqrt(3), within(1e-6));
    }

    @Test
    void seasonalNaiveRepeatsLastYearsMonth() {
        // period 4; residuals against a season earlier: 2, 2, 3, 1, so σ = √(18 / 4)
        FittedModel seasonal = Baselines.seasonalNaive(MonthlySeries.of(JAN, 10, 20, 30, 40, 12, 22, 33, 41), 4,
                r -> { }).orElseThrow();

        assertThat(seasonal.pointForecasts(5)).containsExactly(12, 22, 33, 41, 12);
        double sigma = Math.sqrt(18 / 4.0);
        double[] sd = seasonal.errorDeviations(5);
        assertThat(sd[0]).isCloseTo(sigma, within(1e-12));
        assertThat(sd[3]).isCloseTo(sigma, within(1e-12));
        assertThat(sd[4]).isCloseTo(sigma * Math.sqrt(2), within(1e-12));
    }

    @Test
    void tooShortASeriesIsRefusedWithTheReason() {
        List<NotFitted> refused = new ArrayList<>();

        assertThat(Baselines.naive(MonthlySeries.of(JAN, 10), refused::add)).isEmpty();
        assertThat(Baselines.seasonalNaive(MonthlySeries.of(JAN, new double[12]), 12, refused::add)).isEmpty();

        assertThat(refused).containsExactly(new NotFitted("naive", "needs 2 months of history, the series has 1"),
                new NotFitted("seasonal_naive", "needs 13 months of history, the series has 12"));
    }
}
