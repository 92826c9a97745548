package io.salesops.jobs.forecast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run-rate models of one history, by the name the marts give them: {@code naive},
 * {@code seasonal_naive} and {@code ets} (the ETS model AICc chose, festival-adjusted or not; its
 * own name says which). A model that cannot be fitted is missing, its reason given to {@code refusals}.
 */
public final class RunRate {

    public static final String ETS = "ets";
    public static final int MONTHS_PER_YEAR = 12;

    private RunRate() {
    }

    /** Fits the models to the history; the result keeps the order naive, seasonal_naive, ets. */
    public static Map<String, FittedModel> fit(MonthlySeries history, boolean springFestival,
                                               Consumer<NotFitted> refusals) {
        Map<String, FittedModel> models = new LinkedHashMap<>();
        Baselines.naive(history, refusals).ifPresent(m -> models.put(Baselines.NAIVE, m));
        Baselines.seasonalNaive(history, MONTHS_PER_YEAR, refusals).ifPresent(m -> models.put(Baselines.SEASONAL_NAIVE, m));
        AutoEts.select(history, MONTHS_PER_YEAR, springFestival, refusals).ifPresent(c -> models.put(ETS, c.model()));
        return models;
    }
}
