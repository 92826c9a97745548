package io.salesops.jobs.forecast.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which model a series' forecast comes from: the one with the lowest backtest WAPE over all
 * horizons. Only a model with a forecast for every backtest target and horizon competes, so all
 * are judged on the same months; on a tie the earlier of the candidates' order (baselines first)
 * wins, so a model must be strictly better to replace a simpler one.
 */
public final class ModelChoice {

    private ModelChoice() {
    }

    /** A model's standing: its WAPE over the backtest, or why it could not compete. */
    public record Standing(String model, OptionalDouble wape, String note) {
    }

    /** The chosen model and every candidate's standing, in the candidates' order. */
    public record Choice(Optional<String> chosen, List<Standing> standings) {
    }

    public static Choice choose(List<String> candidates, List<Backtest.Row> backtest) {
        Set<String> slots = backtest.stream().map(r -> r.target() + "/" + r.horizon()).collect(Collectors.toSet());
        Map<String, List<Backtest.Row>> byModel = new LinkedHashMap<>();
        for (Backtest.Row row : backtest) {
            byModel.computeIfAbsent(row.model(), m -> new ArrayList<>()).add(row);
        }
        List<Standing> standings = new ArrayList<>();
        for (String model : candidates) {
            List<Backtest.Row> rows = byModel.getOrDefault(model, List.of());
            if (slots.isEmpty()) {
                standings.add(new Standing(model, OptionalDouble.empty(), "no backtest: the history is too short"));
            } else if (rows.size() < slots.size()) {
                standings.add(new Standing(model, OptionalDouble.empty(), "could be fitted for " + rows.size() + " of the "
                        + slots.size() + " backtest forecasts"));
            } else {
                OptionalDouble wape = Accuracy.of(rows.stream().map(Backtest.Row::outcome).toList()).wape();
                standings.add(new Standing(model, wape, wape.isPresent() ? "backtest WAPE" : "the actuals add up to 0"));
            }
        }
        Optional<String> chosen = standings.stream().filter(s -> s.wape().isPresent())
                .min(Comparator.comparingDouble(s -> s.wape().getAsDouble()))
                .map(Standing::model);
        return new Choice(chosen, standings);
    }
}
