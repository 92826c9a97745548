package io.salesops.jobs.forecast.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The run-rate model of a series: every ETS model that can be fitted ({@link EtsSpec#ALL}), the one
 * with the lowest AICc kept. Then, when the history holds a Spring Festival, the same model with
 * the festival's dip taken out ({@link FestivalAdjusted}), its depth chosen by Commons Math's Brent
 * search on the likelihood of the original series; it is kept when its AICc, with the depth
 * counted as one more parameter, is lower still. The models that could not be fitted are listed
 * with their reasons.
 */
public final class AutoEts {

    /** The deepest dip considered: a month that loses 90 % of its business to the holiday. */
    static final double MAX_DEPTH = 0.9;

    private AutoEts() {
    }

    public record Selection(FittedModel model, double aicc, List<EtsFit> candidates, List<NotFitted> refused) {
    }

    public static Optional<Selection> select(MonthlySeries series, int period, boolean springFestival) {
        List<NotFitted> refused = new ArrayList<>();
        List<EtsFit> fits = new ArrayList<>();
        for (EtsSpec spec : EtsSpec.ALL) {
            Ets.fit(spec, series, period, refused::add).ifPresent(fits::add);
        }
        Optional<EtsFit> best = fits.stream().min(Comparator.comparingDouble(EtsFit::aicc));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        FittedModel chosen = best.get();
        double aicc = best.get().aicc();
        if (springFestival && holdsAFestival(series)) {
            EtsSpec spec = best.get().spec();
            UnivariatePointValuePair depth = new BrentOptimizer(1e-6, 1e-9).optimize(new MaxEval(200),
                    GoalType.MINIMIZE, new SearchInterval(0, MAX_DEPTH),
                    new UnivariateObjectiveFunction(d -> adjustedAicc(spec, series, period, d)));
            double adjustedAicc = depth.getValue();
            if (adjustedAicc < aicc) {
                Optional<EtsFit> adjusted = Ets.fit(spec, FestivalAdjusted.remove(series, depth.getPoint()), period,
                        r -> { });
                if (adjusted.isPresent()) {
                    chosen = new FestivalAdjusted(adjusted.get(), depth.getPoint());
                    aicc = adjustedAicc;
                }
            }
        }
        return Optional.of(new Selection(chosen, aicc, List.copyOf(fits), List.copyOf(refused)));
    }

    /** The AICc on the original series of the model fitted with a dip of depth d taken out; d is one more parameter. */
    static double adjustedAicc(EtsSpec spec, MonthlySeries series, int period, double depth) {
        Optional<EtsFit> fit = Ets.fit(spec, FestivalAdjusted.remove(series, depth), period, r -> { });
        if (fit.isEmpty()) {
            return Double.MAX_VALUE;
        }
        int n = series.length();
        int k = Ets.parameterCount(spec, period);
        double m2ll = fit.get().aicc() - 2.0 * k - 2.0 * k * (k + 1) / (n - k - 1)
                + FestivalAdjusted.jacobian(series, depth);
        int k1 = k + 1;
        if (n - k1 - 1 <= 0) {
            return Double.MAX_VALUE;
        }
        return m2ll + 2.0 * k1 + 2.0 * k1 * (k1 + 1) / (n - k1 - 1);
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
