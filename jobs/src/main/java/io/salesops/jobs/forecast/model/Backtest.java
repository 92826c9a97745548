package io.salesops.jobs.forecast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A rolling-origin backtest: for each of the series' last {@code months} months and each horizon
 * h = 1 … {@code horizons}, the models are fitted to the months before origin = target − (h − 1)
 * only, and their h-month-ahead forecast is set beside what happened. Every horizon so has the
 * same {@code months} targets. A model that cannot be fitted at an origin has no row there.
 */
public final class Backtest {

    private Backtest() {
    }

    /** One backtest forecast, as {@code forecast_backtest} keeps it (with its interval, for coverage). */
    public record Row(YearMonth origin, YearMonth target, int horizon, String model, double forecast, double p10,
                      double p90, double actual) {

        public Accuracy.Outcome outcome() {
            return new Accuracy.Outcome(forecast, p10, p90, actual);
        }
    }

    /**
     * @param fitting the models fitted to a history, by name ({@link RunRate#fit}); called once per origin
     */
    public static List<Row> run(MonthlySeries series, int months, int horizons,
                                Function<MonthlySeries, Map<String, FittedModel>> fitting) {
        Map<YearMonth, Map<String, FittedModel>> byOrigin = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        YearMonth firstTarget = series.next().minusMonths(months);
        for (int h = 1; h <= horizons; h++) {
            for (YearMonth target = firstTarget.isBefore(series.first()) ? series.first() : firstTarget;
                 target.isBefore(series.next()); target = target.plusMonths(1)) {
                YearMonth origin = target.minusMonths(h - 1);
                if (!origin.isAfter(series.first())) {
                    continue;
                }
                Map<String, FittedModel> models = byOrigin.computeIfAbsent(origin,
                        o -> fitting.apply(series.before(o)));
                for (Map.Entry<String, FittedModel> model : models.entrySet()) {
                    Forecast f = model.getValue().forecast(h).get(h - 1);
                    rows.add(new Row(origin, target, h, model.getKey(), f.p50(), f.p10(), f.p90(), series.at(target)));
                }
            }
        }
        return rows;
    }
}
