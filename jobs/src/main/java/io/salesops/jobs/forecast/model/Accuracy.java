package io.salesops.jobs.forecast.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How far forecasts were from what happened, as {@code forecast_accuracy} reports it. All are
 * fractions (0.05 is 5 %):
 * <ul>
 *   <li>MAPE: the mean of |actual − forecast| / |actual| over the months with a non-zero actual;</li>
 *   <li>WAPE: Σ|actual − forecast| / Σ|actual|, so big months weigh more (the seed's "monthly
 *       forecast error");</li>
 *   <li>bias: Σ(forecast − actual) / Σ|actual|, above 0 when the model forecasts too much;</li>
 *   <li>forecast value added against seasonal naive: 1 − WAPE / WAPE of seasonal naive on the
 *       same months, the share of the naive error the model removes (below 0: it adds error);</li>
 *   <li>coverage: the share of actuals inside P10–P90, 0.8 when the interval is honest;</li>
 *   <li>within 5 % and 10 %: the share of months whose error is at most that share of the actual.</li>
 * </ul>
 */
public final class Accuracy {

    private Accuracy() {
    }

    /** One forecast and what happened. */
    public record Outcome(double forecast, double p10, double p90, double actual) {
    }

    /** The metrics of a set of outcomes; MAPE is empty when every actual was 0, WAPE and bias when they add to 0. */
    public record Metrics(int months, OptionalDouble mape, OptionalDouble wape, OptionalDouble bias, double coverage80,
                          double shareWithin5, double shareWithin10) {

        /** 1 − WAPE / the baseline's WAPE; empty when either is unknown or the baseline made no error. */
        public OptionalDouble valueAddedAgainst(Metrics baseline) {
            if (wape.isEmpty() || baseline.wape.isEmpty() || baseline.wape.getAsDouble() == 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(1 - wape.getAsDouble() / baseline.wape.getAsDouble());
        }
    }

    public static Metrics of(List<Outcome> outcomes) {
        int n = outcomes.size();
        if (n == 0) {
            throw new IllegalArgumentException("no outcomes to measure");
        }
        double absError = 0;
        double signedError = 0;
        double absActual = 0;
        double apeSum = 0;
        int apeCount = 0;
        int covered = 0;
        int within5 = 0;
        int within10 = 0;
        for (Outcome o : outcomes) {
            double error = o.forecast() - o.actual();
            absError += Math.abs(error);
            signedError += error;
            absActual += Math.abs(o.actual());
            if (o.actual() != 0) {
                apeSum += Math.abs(error) / Math.abs(o.actual());
                apeCount++;
            }
            if (o.p10() <= o.actual() && o.actual() <= o.p90()) {
                covered++;
            }
            // a tiny tolerance so that an error of exactly 5 % counts as within it despite binary rounding
            if (Math.abs(error) <= 0.05 * Math.abs(o.actual()) * (1 + 1e-12)) {
                within5++;
            }
            if (Math.abs(error) <= 0.10 * Math.abs(o.actual()) * (1 + 1e-12)) {
                within10++;
            }
        }
        return new Metrics(n, apeCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(apeSum / apeCount),
                absActual == 0 ? OptionalDouble.empty() : OptionalDouble.of(absError / absActual),
                absActual == 0 ? OptionalDouble.empty() : OptionalDouble.of(signedError / absActual),
                covered / (double) n, within5 / (double) n, within10 / (double) n);
    }
}
