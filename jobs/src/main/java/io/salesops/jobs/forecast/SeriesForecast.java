package io.salesops.jobs.forecast;

import io.salesops.jobs.forecast.model.Backtest;
import io.salesops.jobs.forecast.model.Baselines;
import io.salesops.jobs.forecast.model.FittedModel;
import io.salesops.jobs.forecast.model.Forecast;
import io.salesops.jobs.forecast.model.ModelChoice;
import io.salesops.jobs.forecast.model.MonthlySeries;
import io.salesops.jobs.forecast.model.NotFitted;
import io.salesops.jobs.forecast.model.RunRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything the forecast job says about one series (a level and key): each run-rate model's
 * forecast from the whole history, its rolling-origin backtest, and each model's standing. Pure.
 */
public record SeriesForecast(String level, String key, List<Forecast> forecasts, List<String> forecastModels,
                             List<Backtest.Row> backtest, List<Standing> standings) {

    /** The order models compete in: on a tie the earlier, simpler one is kept. */
    static final List<String> CANDIDATES = List.of(Baselines.SEASONAL_NAIVE, Baselines.NAIVE, RunRate.ETS);

    /** One row of {@code forecast_models}. */
    public record Standing(String model, String status, OptionalDouble backtestWape, String detail) {
    }

    public record Settings(int horizon, int backtestMonths, boolean springFestival) {
    }

    public static SeriesForecast of(String level, String key, MonthlySeries history, Settings settings) {
        List<NotFitted> refusals = new ArrayList<>();
        Map<String, FittedModel> models = RunRate.fit(history, settings.springFestival(), refusals::add);
        List<Forecast> forecasts = new ArrayList<>();
        List<String> forecastModels = new ArrayList<>();
        for (Map.Entry<String, FittedModel> model : models.entrySet()) {
            for (Forecast f : model.getValue().forecast(settings.horizon())) {
                forecasts.add(f);
                forecastModels.add(model.getKey());
            }
        }
        List<Backtest.Row> backtest = Backtest.run(history, settings.backtestMonths(), settings.horizon(),
                h -> RunRate.fit(h, settings.springFestival(), r -> { }));
        ModelChoice.Choice choice = ModelChoice.choose(CANDIDATES, backtest);
        List<Standing> standings = new ArrayList<>();
        for (ModelChoice.Standing s : choice.standings()) {
            FittedModel fitted = models.get(s.model());
            String status = choice.chosen().filter(s.model()::equals).isPresent() ? "chosen"
                    : fitted != null ? "fitted" : "not_fitted";
            String detail = fitted == null ? reasons(s.model(), refusals)
                    : s.wape().isEmpty() ? fitted.model() + "; " + s.note() : fitted.model();
            standings.add(new Standing(s.model(), status, s.wape(), detail));
        }
        for (NotFitted refused : refusals) {
            if (refused.model().startsWith("ets(") && models.containsKey(RunRate.ETS)) {
                standings.add(new Standing(refused.model(), "not_fitted", OptionalDouble.empty(), refused.reason()));
            }
        }
        return new SeriesForecast(level, key, forecasts, forecastModels, backtest, standings);
    }

    private static String reasons(String model, List<NotFitted> refusals) {
        List<String> why = refusals.stream()
                .filter(r -> model.equals(RunRate.ETS) ? r.model().startsWith("ets(") : r.model().equals(model))
                .map(r -> model.equals(RunRate.ETS) ? r.model() + ": " + r.reason() : r.reason()).distinct().toList();
        return why.isEmpty() ? "not fitted" : String.join("; ", why);
    }
}
