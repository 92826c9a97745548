package io.salesops.jobs.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final YearMonth START = YearMonth.of(2021, 1);

    @Test
    void eachHorizonForecastsTheSameTargetsFromEarlierOrigins() {
        // naive alone on 1..24: the forecast of any target is the last month before its origin
        double[] y = new double[24];
        for (int t = 0; t < y.length; t++) {
            y[t] = t + 1;
        }
        List<Backtest.Row> rows = Backtest.run(MonthlySeries.of(START, y), 12, 3,
                history -> Map.of("naive", Baselines.naive(history, r -> { }).orElseThrow()));

        assertThat(rows).hasSize(36);
        Backtest.Row last = rows.stream().filter(r -> r.horizon() == 3 && r.target().equals(YearMonth.of(2022, 12)))
                .findFirst().orElseThrow();
        // target December 2022 (24) at horizon 3: origin October 2022, so the last known month is September (21)
        assertThat(last.origin()).isEqualTo(YearMonth.of(2022, 10));
        assertThat(last.forecast()).isEqualTo(21);
        assertThat(last.actual()).isEqualTo(24);
    }

    @Test
    void aForecastDependsOnlyOnTheMonthsBeforeItsOrigin() {
        double[] y = randomSeries(40, 1);
        double[] changed = y.clone();
        for (int t = 34; t < changed.length; t++) {
            changed[t] *= 3; // everything from November 2023 on
        }
        YearMonth changedFrom = START.plusMonths(34);

        List<Backtest.Row> before = Backtest.run(MonthlySeries.of(START, y), 12, 3,
                h -> RunRate.fit(h, true, r -> { }));
        List<Backtest.Row> after = Backtest.run(MonthlySeries.of(START, changed), 12, 3,
                h -> RunRate.fit(h, true, r -> { }));

        List<Backtest.Row> earlier = before.stream().filter(r -> !r.origin().isAfter(changedFrom)).toList();
        assertThat(earlier).isNotEmpty();
        for (Backtest.Row row : earlier) {
            Backtest.Row same = after.stream().filter(r -> r.origin().equals(row.origin()) && r.horizon() == row.horizon()
                    && r.model().equals(row.model())).findFirst().orElseThrow();
            assertThat(same.forecast()).as(row.toString()).isEqualTo(row.forecast());
            assertThat(same.p10()).isEqualTo(row.p10());
        }
    }

    @Test
    void seasonalNaiveWinsOnASeriesThatRepeatsEveryYear() {
        // the same irregular twelve months, five years running: last year's month is exactly right
        double[] year = {310, 120, 480, 260, 700, 150, 390, 620, 210, 540, 330, 910};
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = year[t % 12];
        }
        List<Backtest.Row> rows = Backtest.run(MonthlySeries.of(START, y), 12, 3, h -> RunRate.fit(h, true, r -> { }));

        ModelChoice.Choice choice = ModelChoice.choose(List.of("seasonal_naive", "naive", "ets"), rows);

        assertThat(choice.chosen()).contains("seasonal_naive");
        assertThat(choice.standings().get(0).wape().getAsDouble()).isZero();
        assertThat(choice.standings().get(1).wape().getAsDouble()).isGreaterThan(0.3);
        assertThat(choice.standings().get(2).wape().getAsDouble()).isGreaterThan(0);
    }

    @Test
    void aModelMissingSomeBacktestForecastsDoesNotCompete() {
        // 20 months: seasonal naive can forecast from origins with 13 months behind them only
        double[] y = randomSeries(20, 2);
        List<Backtest.Row> rows = Backtest.run(MonthlySeries.of(START, y), 12, 1, h -> RunRate.fit(h, false, r -> { }));

        ModelChoice.Choice choice = ModelChoice.choose(List.of("seasonal_naive", "naive", "ets"), rows);

        assertThat(choice.standings().get(0).note()).isEqualTo("could be fitted for 7 of the 12 backtest forecasts");
        assertThat(choice.standings().get(1).wape()).isPresent();
        assertThat(choice.chosen()).isPresent().get().isNotEqualTo("seasonal_naive");
    }

    @Test
    void backtestWapeIsTheAccuracyOfItsRows() {
        double[] y = randomSeries(30, 4);
        List<Backtest.Row> rows = Backtest.run(MonthlySeries.of(START, y), 12, 2,
                history -> Map.of("naive", Baselines.naive(history, r -> { }).orElseThrow()));
        double absError = 0;
        double absActual = 0;
        for (Backtest.Row r : rows) {
            absError += Math.abs(r.forecast() - r.actual());
            absActual += Math.abs(r.actual());
        }
        ModelChoice.Choice choice = ModelChoice.choose(List.of("naive"), rows);
        assertThat(choice.standings().get(0).wape().getAsDouble()).isCloseTo(absError / absActual, within(1e-12));
    }

    private static double[] randomSeries(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 1000 * (1 + 0.1 * Math.sin(t * Math.PI / 6)) + random.nextDouble(-50, 50);
        }
        return y;
    }
}
