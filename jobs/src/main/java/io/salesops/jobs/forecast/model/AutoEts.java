package io.salesops.jobs.forecast.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The run-rate model of a series: every ETS model that can be fitted ({@link EtsSpec#ALL}), the one
 * with the lowest AICc kept. Then, when the history holds a Spring Festival, the same model with
 * the festival's dip taken out ({@link FestivalAdjusted}), its depth fitted with the other
 * parameters on the likelihood of the original series; it is kept when its AICc, with the depth
 * counted as one more parameter, is lower still. The models that could not be fitted are listed
 * with their reasons.
 */
public final class AutoEts {

    private AutoEts() {
    }

    /** The model kept, its AICc, and every model that could be fitted. */
    public record Selection(FittedModel model, double aicc, List<EtsFit> candidates) {
    }

    /** The model with the lowest AICc; each model that could not be fitted goes to {@code refusals} with its reason. */
    public static Optional<Selection> select(MonthlySeries series, int period, boolean springFestival,
                                             Consumer<NotFitted> refusals) {
        List<EtsFit> fits = new ArrayList<>();
        for (EtsSpec spec : EtsSpec.ALL) {
            Ets.fit(spec, series, period, refusals).ifPresent(fits::add);
        }
        Optional<EtsFit> best = fits.stream().min(Comparator.comparingDouble(EtsFit::aicc));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        FittedModel chosen = best.get();
        double aicc = best.get().aicc();
        if (springFestival && holdsAFestival(series)) {
            Optional<FestivalAdjusted> adjusted = Ets.fitAdjusted(best.get().spec(), series, period, refusals);
            if (adjusted.isPresent() && adjusted.get().aicc() < aicc) {
                chosen = adjusted.get();
                aicc = adjusted.get().aicc();
            }
        }
        return Optional.of(new Selection(chosen, aicc, List.copyOf(fits)));
    }

    private static boolean holdsAFestival(MonthlySeries series) {
        for (int i = 0; i < series.length(); i++) {
            if (io.salesops.warehouse.calendar.SpringFestival.share(series.month(i)) > 0) {
                return true;
            }
        }
        return false;
    }
}
