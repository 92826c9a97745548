package io.salesops.jobs.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.forecast.model.MonthlySeries;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A company with only 18 months of invoices: what can be fitted is forecast, the rest says why. */
class SeriesForecastTest {

    @Test
    void eighteenMonthsGiveTheModelsTheyCanAndSayWhyNotTheOthers() {
        double[] y = new double[18];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100_000 + 2_000 * t + (t % 4) * 3_000;
        }

        SeriesForecast result = SeriesForecast.of("company", "all", MonthlySeries.of(YearMonth.of(2024, 7), y),
                new SeriesForecast.Settings(3, 12, true));

        assertThat(result.forecastModels()).containsExactly("naive", "naive", "naive", "seasonal_naive",
                "seasonal_naive", "seasonal_naive", "ets", "ets", "ets");
        assertThat(result.forecasts().get(0).target()).isEqualTo(YearMonth.of(2026, 1));
        SeriesForecast.Standing seasonal = standing(result, "seasonal_naive");
        // a year and a month of history is there for 5 + 4 + 3 of the 36 backtest forecasts only
        assertThat(seasonal.status()).isEqualTo("fitted");
        assertThat(seasonal.detail()).isEqualTo("seasonal_naive; could be fitted for 12 of the 36 backtest forecasts");
        assertThat(standing(result, "naive").status()).isEqualTo("chosen");
        List<SeriesForecast.Standing> refused = result.standings().stream()
                .filter(s -> s.status().equals("not_fitted")).toList();
        assertThat(refused).extracting(SeriesForecast.Standing::model).containsExactly("ets(A,N,A)", "ets(A,A,A)",
                "ets(A,Ad,A)", "ets(M,N,M)", "ets(M,A,M)", "ets(M,Ad,M)");
        assertThat(refused).allSatisfy(s -> assertThat(s.detail())
                .isEqualTo("a seasonal model needs 24 months of history to start its season, the series has 18"));
    }

    @Test
    void aSeriesTooShortForAnyModelSaysSoForEach() {
        SeriesForecast result = SeriesForecast.of("rep", "E1", MonthlySeries.of(YearMonth.of(2025, 12), 5_000),
                new SeriesForecast.Settings(3, 12, true));

        assertThat(result.forecasts()).isEmpty();
        assertThat(result.standings()).extracting(SeriesForecast.Standing::status).containsOnly("not_fitted");
        assertThat(standing(result, "naive").detail()).isEqualTo("needs 2 months of history, the series has 1");
        assertThat(standing(result, "ets").detail()).startsWith("ets(A,N,N): has 3 parameters and needs at least 5");
    }

    private static SeriesForecast.Standing standing(SeriesForecast result, String model) {
        return result.standings().stream().filter(s -> s.model().equals(model)).findFirst().orElseThrow();
    }
}
