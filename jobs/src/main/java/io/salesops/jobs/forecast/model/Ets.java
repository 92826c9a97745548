package io.salesops.jobs.forecast.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Fits one ETS model to a monthly series by maximum likelihood, in the error-correction form of
 * Hyndman et al. (2008): with the one-step error e,
 * <pre>
 *   additive season:        μ = l + φb + s,   e = y − μ,        l' = l + φb + αe,       b' = φb + βe,           s' = s + γe
 *   multiplicative season:  μ = (l + φb)·s,   ε = (y − μ) / μ,  l' = (l + φb)(1 + αε),  b' = φb + β(l + φb)ε,  s' = s(1 + γε)
 * </pre>
 * (φ = 1 for an undamped trend, b = 0 without one). The smoothing parameters stay in the usual
 * region 0 &lt; β &lt; α &lt; 1, 0 &lt; γ &lt; 1 − α, 0.8 ≤ φ ≤ 0.98. Commons Math's BOBYQA optimises them
 * with the initial level and trend; the initial seasonal states come from a classical
 * decomposition of the first years (Hyndman et al. §2.6.1). The series is divided by its mean
 * absolute value while fitting, so the bounds mean the same for any currency amount. Pure and
 * deterministic: the same series gives the same fit.
 */
public final class Ets {

    /** The initial seasonal states are read off two full years. */
    public static final int MIN_SEASONS = 2;

    private static final double INVALID = 1e12;
    private static final int MAX_EVALUATIONS = 20_000;

    private Ets() {
    }

    /** The model's parameters: smoothing α, β, γ, damping φ, and the states before the first month. */
    public record Parameters(double alpha, double beta, double gamma, double phi, double level, double trend,
                             double[] season) {
        public Parameters {
            season = season.clone();
        }

        @Override
        public double[] season() {
            return season.clone();
        }
    }

    /** What running the recursions over a series gives: each month's one-step mean and error, and the last states. */
    record Filtered(double[] means, double[] errors, double level, double trend, double[] season, boolean valid) {
    }

    /**
     * The model fitted to the series, or empty with the reason in {@code refusals}: too short for
     * its parameters, not positive for a multiplicative season, or the optimiser did not converge.
     */
    public static Optional<EtsFit> fit(EtsSpec spec, MonthlySeries series, int period, Consumer<NotFitted> refusals) {
        return fit(spec, series, period, false, 0, refusals).map(f -> (EtsFit) f);
    }

    /**
     * The model fitted with the Spring Festival's dip taken out ({@link FestivalAdjusted}): the
     * dip's depth d is one more parameter, optimised with the others on the likelihood of the
     * original series (the adjusted one's plus 2·Σ log(1 − d·w_t)) and counted by AICc.
     */
    public static Optional<FestivalAdjusted> fitAdjusted(EtsSpec spec, MonthlySeries series, int period,
                                                         Consumer<NotFitted> refusals) {
        Optional<FestivalAdjusted> first = fit(spec, series, period, true, 0, refusals).map(f -> (FestivalAdjusted) f);
        if (first.isEmpty() || !spec.seasonal()) {
            return first;
        }
        // the initial season was read off months that still held the dip: read it again without it
        Optional<FestivalAdjusted> second = fit(spec, series, period, true, first.get().depth(), r -> { })
                .map(f -> (FestivalAdjusted) f);
        return second.isPresent() && second.get().aicc() < first.get().aicc() ? second : first;
    }

    /** @param startDepth the dip taken out of the months the initial states are read from */
    private static Optional<FittedModel> fit(EtsSpec spec, MonthlySeries series, int period, boolean festival,
                                             double startDepth, Consumer<NotFitted> refusals) {
        int n = series.length();
        int k = parameterCount(spec, period) + (festival ? 1 : 0);
        String name = spec.name() + (festival ? FestivalAdjusted.SUFFIX : "");
        if (spec.seasonal() && n < MIN_SEASONS * period) {
            refusals.accept(new NotFitted(name, "a seasonal model needs " + MIN_SEASONS * period
                    + " months of history to start its season, the series has " + n));
            return Optional.empty();
        }
        if (n < k + 2) {
            refusals.accept(new NotFitted(name, "has " + k + " parameters and needs at least " + (k + 2)
                    + " months of history, the series has " + n));
            return Optional.empty();
        }
        if (spec.multiplicative() && !series.allPositive()) {
            refusals.accept(new NotFitted(name, "a multiplicative season needs every month above zero"));
            return Optional.empty();
        }
        double[] raw = series.values();
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            shares[i] = festival ? io.salesops.warehouse.calendar.SpringFestival.share(series.month(i)) : 0;
        }
        double scale = Arrays.stream(raw).map(Math::abs).average().orElse(1);
        if (scale == 0) {
            scale = 1;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = raw[i] / scale;
        }
        Parameters start = initial(spec, period, adjusted(y, shares, startDepth));
        EtsSearchSpace layout = new EtsSearchSpace(spec, start, festival);
        PointValuePair best;
        try {
            best = new BOBYQAOptimizer(2 * layout.dimension() + 1, 0.05, 1e-6).optimize(
                    new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE, new InitialGuess(layout.guess()),
                    new SimpleBounds(layout.lower(), layout.upper()),
                    new ObjectiveFunction(x -> {
                        double depth = layout.depth(x);
                        return minus2LogLikelihood(spec, filter(spec, period, layout.parameters(x),
                                adjusted(y, shares, depth))) + jacobian(shares, depth);
                    }));
        } catch (MathIllegalStateException e) {
            refusals.accept(new NotFitted(name, "the optimiser did not converge: " + e.getMessage()));
            return Optional.empty();
        }
        double depth = layout.depth(best.getPoint());
        Parameters fitted = rescale(spec, layout.parameters(best.getPoint()), scale);
        Filtered run = filter(spec, period, fitted, adjusted(raw, shares, depth));
        if (!run.valid()) {
            refusals.accept(new NotFitted(name, "no parameters keep its level and season above zero"));
            return Optional.empty();
        }
        double m2ll = minus2LogLikelihood(spec, run) + jacobian(shares, depth);
        double aicc = m2ll + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
        double sse = 0;
        for (double e : run.errors()) {
            sse += e * e;
        }
        double sigma = Math.sqrt(sse / (n - (k - 1)));
        EtsFit fit = new EtsFit(spec, period, series.next(), fitted, run, sigma, aicc);
        return Optional.of(festival ? new FestivalAdjusted(fit, depth) : fit);
    }

    /** The months divided by 1 − d·w: the dip taken out. */
    private static double[] adjusted(double[] y, double[] shares, double depth) {
        if (depth == 0) {
            return y;
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] / (1 - depth * shares[i]);
        }
        return out;
    }

    /** What the division does to −2 log-likelihood on the original scale: 2·Σ log(1 − d·w_t). */
    private static double jacobian(double[] shares, double depth) {
        double sum = 0;
        for (double w : shares) {
            sum += 2 * Math.log(1 - depth * w);
        }
        return sum;
    }

    /** Free parameters: the smoothing ones, the initial states and the error variance (as AICc counts them). */
    static int parameterCount(EtsSpec spec, int period) {
        return spec.smoothingParameters() + spec.initialStates(period) + 1;
    }

    /** Runs the recursions from the initial states over {@code y}. Pure. */
    static Filtered filter(EtsSpec spec, int period, Parameters p, double[] y) {
        int n = y.length;
        double[] means = new double[n];
        double[] errors = new double[n];
        double level = p.level();
        double trend = spec.trended() ? p.trend() : 0;
        double phi = spec.trend() == EtsSpec.Trend.DAMPED ? p.phi() : 1;
        double[] season = spec.seasonal() ? p.season() : new double[period];
        boolean valid = true;
        for (int i = 0; i < n; i++) {
            int phase = i % period;
            double base = level + phi * trend;
            if (spec.multiplicative()) {
                double s = season[phase];
                double mean = base * s;
                if (!(base > 0 && s > 0 && mean > 0)) {
                    valid = false;
                    break;
                }
                double eps = (y[i] - mean) / mean;
                means[i] = mean;
                errors[i] = eps;
                level = base * (1 + p.alpha() * eps);
                trend = spec.trended() ? phi * trend + p.beta() * base * eps : 0;
                season[phase] = s * (1 + p.gamma() * eps);
            } else {
                double s = spec.seasonal() ? season[phase] : 0;
                double mean = base + s;
                double e = y[i] - mean;
                means[i] = mean;
                errors[i] = e;
                level = base + p.alpha() * e;
                trend = spec.trended() ? phi * trend + p.beta() * e : 0;
                if (spec.seasonal()) {
                    season[phase] = s + p.gamma() * e;
                }
            }
        }
        // season[j] is the state of the months with index ≡ j (mod period), the forecasts' too
        return new Filtered(means, errors, level, trend, season, valid);
    }

    /**
     * −2 log-likelihood up to a constant every model shares: n·log(Σe²/n) for additive errors,
     * n·log(Σε²/n) + 2·Σ log μ for multiplicative (relative) ones.
     */
    static double minus2LogLikelihood(EtsSpec spec, Filtered run) {
        if (!run.valid()) {
            return INVALID;
        }
        int n = run.errors().length;
        double sse = 0;
        for (double e : run.errors()) {
            sse += e * e;
        }
        double value = n * Math.log(Math.max(sse / n, 1e-300));
        if (spec.multiplicative()) {
            for (double mean : run.means()) {
                value += 2 * Math.log(mean);
            }
        }
        return Double.isFinite(value) ? value : INVALID;
    }

    /** Starting states from the first years (Hyndman et al. §2.6.1) and middling smoothing. */
    static Parameters initial(EtsSpec spec, int period, double[] y) {
        double[] season = new double[period];
        double[] adjusted = y.clone();
        if (spec.seasonal()) {
            season = seasonalIndices(y, period, spec.multiplicative());
            for (int i = 0; i < y.length; i++) {
                adjusted[i] = spec.multiplicative() ? y[i] / season[i % period] : y[i] - season[i % period];
            }
        }
        int span = Math.min(y.length, spec.seasonal() ? 2 * period : 10);
        double level;
        double trend = 0;
        if (spec.trended()) {
            // least squares line through the first months, a + b·t for month t = 1..span
            double sumT = 0, sumY = 0, sumTT = 0, sumTY = 0;
            for (int i = 0; i < span; i++) {
                double t = i + 1;
                sumT += t;
                sumY += adjusted[i];
                sumTT += t * t;
                sumTY += t * adjusted[i];
            }
            trend = (span * sumTY - sumT * sumY) / (span * sumTT - sumT * sumT);
            level = (sumY - trend * sumT) / span;
        } else {
            int first = Math.min(y.length, spec.seasonal() ? period : 3);
            level = Arrays.stream(adjusted, 0, first).average().orElse(0);
        }
        if (spec.multiplicative() && level <= 0) {
            level = Arrays.stream(y).average().orElse(1);
        }
        return new Parameters(0.2, 0.1 * 0.2, 0.05 * 0.8, 0.95, level, trend, season);
    }

    /**
     * Seasonal indices from a classical decomposition of the first (up to three) whole years:
     * the centred moving average of one season is the trend; each phase's index is the mean
     * difference (or ratio) to it, normalised to add up to 0 (average 1).
     */
    static double[] seasonalIndices(double[] y, int period, boolean multiplicative) {
        int years = Math.min(y.length / period, 3);
        int span = years * period;
        double[] sum = new double[period];
        int[] count = new int[period];
        int half = period / 2;
        for (int i = half; i < span - half; i++) {
            double trend;
            if (period % 2 == 0) {
                double total = 0.5 * y[i - half] + 0.5 * y[i + half];
                for (int j = i - half + 1; j < i + half; j++) {
                    total += y[j];
                }
                trend = total / period;
            } else {
                double total = 0;
                for (int j = i - half; j <= i + half; j++) {
                    total += y[j];
                }
                trend = total / period;
            }
            sum[i % period] += multiplicative ? y[i] / trend : y[i] - trend;
            count[i % period]++;
        }
        double[] index = new double[period];
        double mean = 0;
        for (int j = 0; j < period; j++) {
            index[j] = count[j] == 0 ? (multiplicative ? 1 : 0) : sum[j] / count[j];
            mean += index[j] / period;
        }
        for (int j = 0; j < period; j++) {
            index[j] = multiplicative ? index[j] / mean : index[j] - mean;
        }
        return index;
    }

    private static Parameters rescale(EtsSpec spec, Parameters p, double scale) {
        double[] season = p.season();
        if (!spec.multiplicative()) {
            for (int j = 0; j < season.length; j++) {
                season[j] *= scale;
            }
        }
        return new Parameters(p.alpha(), p.beta(), p.gamma(), p.phi(), p.level() * scale, p.trend() * scale, season);
    }
}
