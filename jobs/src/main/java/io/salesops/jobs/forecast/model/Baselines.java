package io.salesops.jobs.forecast.model;

import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The two forecasts every model must beat: naive (next month = last month) and seasonal naive
 * (next month = the same month a year earlier). Their error deviations are those of their one-step
 * residuals, grown as a random walk: σ√h for naive, σ√(k+1) for seasonal naive, k the whole years
 * between the last season and the target (Hyndman and Athanasopoulos, FPP3 §5.5).
 */
public final class Baselines {

    public static final String NAIVE = "naive";
    public static final String SEASONAL_NAIVE = "seasonal_naive";

    private Baselines() {
    }

    /** Naive needs two months: one to repeat and one residual to size its interval. */
    public static Optional<FittedModel> naive(MonthlySeries series, Consumer<NotFitted> refusals) {
        int n = series.length();
        if (n < 2) {
            refusals.accept(new NotFitted(NAIVE, "needs 2 months of history, the series has " + n));
            return Optional.empty();
        }
        double sum = 0;
        for (int i = 1; i < n; i++) {
            double e = series.value(i) - series.value(i - 1);
            sum += e * e;
        }
        double sigma = Math.sqrt(sum / (n - 1));
        double last = series.value(n - 1);
        return Optional.of(new Random(NAIVE, series.next(), h -> last, h -> sigma * Math.sqrt(h)));
    }

    /** Seasonal naive needs a year and a month: a season to repeat and one residual. */
    public static Optional<FittedModel> seasonalNaive(MonthlySeries series, int period, Consumer<NotFitted> refusals) {
        int n = series.length();
        if (n < period + 1) {
            refusals.accept(new NotFitted(SEASONAL_NAIVE, "needs " + (period + 1) + " months of history, the series has "
                    + n));
            return Optional.empty();
        }
        double sum = 0;
        for (int i = period; i < n; i++) {
            double e = series.value(i) - series.value(i - period);
            sum += e * e;
        }
        double sigma = Math.sqrt(sum / (n - period));
        return Optional.of(new Random(SEASONAL_NAIVE, series.next(), h -> {
            int k = (h - 1) / period;
            return series.value(n + h - 1 - period * (k + 1));
        }, h -> sigma * Math.sqrt((h - 1) / period + 1)));
    }

    private record Random(String model, YearMonth next, java.util.function.IntToDoubleFunction mean,
                          java.util.function.IntToDoubleFunction deviation) implements FittedModel {

        @Override
        public double[] pointForecasts(int horizon) {
            double[] out = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                out[h - 1] = mean.applyAsDouble(h);
            }
            return out;
        }

        @Override
        public double[] errorDeviations(int horizon) {
            double[] out = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                out[h - 1] = deviation.applyAsDouble(h);
            }
            return out;
        }
    }
}
