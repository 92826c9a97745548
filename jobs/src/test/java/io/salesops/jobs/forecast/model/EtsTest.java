package io.salesops.jobs.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EtsTest {

    private static final YearMonth START = YearMonth.of(2022, 1);

    @Test
    void simpleExponentialSmoothingByHand() {
        // α = 0.5 from level 10: means 10 then 11, errors 2 and −3, last level 9.5
        Ets.Filtered run = Ets.filter(EtsSpec.ANN, 12, new Ets.Parameters(0.5, 0, 0, 1, 10, 0, new double[12]),
                new double[] {12, 8});

        assertThat(run.means()).containsExactly(10, 11);
        assertThat(run.errors()).containsExactly(2, -3);
        assertThat(run.level()).isEqualTo(9.5);
    }

    @Test
    void additiveHoltWintersByHand() {
        // period 2, α 0.5, β 0.1, γ 0.2 from level 100, trend 10, seasons −5 and 5; months 108 and 125
        Ets.Parameters p = new Ets.Parameters(0.5, 0.1, 0.2, 1, 100, 10, new double[] {-5, 5});
        Ets.Filtered run = Ets.filter(EtsSpec.AAA, 2, p, new double[] {108, 125});

        // month 1: μ = 110 − 5 = 105, e = 3 → l 111.5, b 10.3, s −4.4
        // month 2: μ = 121.8 + 5 = 126.8, e = −1.8 → l 120.9, b 10.12, s 4.64
        assertThat(run.means()[0]).isCloseTo(105, within(1e-9));
        assertThat(run.means()[1]).isCloseTo(126.8, within(1e-9));
        assertThat(run.level()).isCloseTo(120.9, within(1e-9));
        assertThat(run.trend()).isCloseTo(10.12, within(1e-9));

        EtsFit fit = new EtsFit(EtsSpec.AAA, 2, START.plusMonths(2), p, run, 2.0, 0);
        double[] mean = fit.pointForecasts(3);
        assertThat(mean[0]).isCloseTo(120.9 + 10.12 - 4.4, within(1e-9));
        assertThat(mean[1]).isCloseTo(120.9 + 20.24 + 4.64, within(1e-9));
        // c1 = α + β = 0.6; c2 = α + 2β + γ (two months: a whole season) = 0.9
        double[] sd = fit.errorDeviations(3);
        assertThat(sd[0]).isCloseTo(2.0, within(1e-12));
        assertThat(sd[1]).isCloseTo(2 * Math.sqrt(1 + 0.36), within(1e-12));
        assertThat(sd[2]).isCloseTo(2 * Math.sqrt(1 + 0.36 + 0.81), within(1e-12));
    }

    @Test
    void multiplicativeSeasonByHand() {
        // period 2, α 0.5, γ 0.2 from level 100, seasons 0.8 and 1.2; months 88 and 114
        Ets.Parameters p = new Ets.Parameters(0.5, 0, 0.2, 1, 100, 0, new double[] {0.8, 1.2});
        Ets.Filtered run = Ets.filter(EtsSpec.MNM, 2, p, new double[] {88, 114});

        // month 1: μ 80, ε 0.1 → l 105, s 0.816; month 2: μ 126, ε −12/126 → l 100, s 1.2(1 − 0.2·12/126)
        assertThat(run.errors()[0]).isCloseTo(0.1, within(1e-12));
        assertThat(run.level()).isCloseTo(100, within(1e-9));
        EtsFit fit = new EtsFit(EtsSpec.MNM, 2, START.plusMonths(2), p, run, 0.05, 0);
        assertThat(fit.pointForecasts(2)[0]).isCloseTo(81.6, within(1e-9));
        assertThat(fit.pointForecasts(2)[1]).isCloseTo(100 * 1.2 * (1 - 0.2 * 12 / 126.0), within(1e-9));
        // a relative σ of 5 % on a median of 81.6
        assertThat(fit.errorDeviations(1)[0]).isCloseTo(0.05 * 81.6, within(1e-9));
    }

    @Test
    void aTrendingSeriesGetsATrendedModelThatContinuesTheLine() {
        // 1 000 + 50t with up to ±10 of noise, 36 months
        double[] y = new double[36];
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 50 * t + random.nextDouble(-10, 10);
        }

        AutoEts.Selection choice = AutoEts.select(MonthlySeries.of(START, y), 12, false, r -> { }).orElseThrow();

        assertThat(((EtsFit) choice.model()).spec().trended()).as(choice.model().model()).isTrue();
        double[] mean = choice.model().pointForecasts(3);
        for (int h = 1; h <= 3; h++) {
            double line = 1000 + 50 * (35 + h);
            assertThat(mean[h - 1]).as("h" + h).isCloseTo(line, within(0.02 * line));
        }
    }

    @Test
    void aSeasonalSeriesGetsASeasonalModel() {
        double[] season = {0.7, 0.5, 1.0, 1.05, 1.02, 1.0, 0.95, 0.95, 1.05, 0.9, 1.2, 1.3};
        double[] y = new double[48];
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < y.length; t++) {
            y[t] = 10_000 * season[t % 12] * (1 + random.nextDouble(-0.02, 0.02));
        }

        AutoEts.Selection choice = AutoEts.select(MonthlySeries.of(START, y), 12, false, r -> { }).orElseThrow();

        assertThat(((EtsFit) choice.model()).spec().seasonal()).as(choice.model().model()).isTrue();
        double[] mean = choice.model().pointForecasts(3);
        for (int h = 1; h <= 3; h++) {
            assertThat(mean[h - 1]).as("h" + h).isCloseTo(10_000 * season[h - 1], within(0.04 * 10_000 * season[h - 1]));
        }
    }

    @Test
    void eighteenMonthsFitOnlyTheModelsWithoutASeasonAndSayWhy() {
        double[] y = new double[18];
        for (int t = 0; t < y.length; t++) {
            y[t] = 500 + 3 * t + (t % 3);
        }

        List<NotFitted> refused = new ArrayList<>();
        AutoEts.Selection choice = AutoEts.select(MonthlySeries.of(START, y), 12, true, refused::add).orElseThrow();

        assertThat(choice.candidates()).extracting(c -> c.spec().name())
                .containsExactly("ets(A,N,N)", "ets(A,A,N)", "ets(A,Ad,N)");
        assertThat(refused).hasSize(6).allSatisfy(r -> assertThat(r.reason())
                .isEqualTo("a seasonal model needs 24 months of history to start its season, the series has 18"));
    }

    @Test
    void theSameSeriesGivesTheSameFit() {
        double[] y = new double[30];
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + random.nextDouble(0, 20);
        }
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(AutoEts.select(MonthlySeries.of(START, y), 12, true, r -> { }).orElseThrow().model().pointForecasts(3));
        }
        assertThat(runs.get(0)).containsExactly(runs.get(1));
    }
}
