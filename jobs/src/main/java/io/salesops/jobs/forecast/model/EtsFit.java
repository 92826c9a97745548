package io.salesops.jobs.forecast.model;

import java.time.YearMonth;

/**
 * An ETS model fitted to a series: its parameters, its last states, the standard deviation of its
 * one-step errors (relative ones for a multiplicative model) and its AICc.
 *
 * <p>The h-step error variance is σ²(1 + Σ c_j²), j = 1 … h − 1, with c_j = α + βφ_j + γ·[j a
 * whole number of years] and φ_j = φ + … + φ^j (Hyndman et al. 2008, class 1). That is exact for the
 * additive models; for the multiplicative ones it is applied to the relative error and scaled by
 * the median, an approximation the backtest's interval coverage measures.
 */
public record EtsFit(EtsSpec spec, int period, YearMonth next, Ets.Parameters parameters, Ets.Filtered run,
                     double sigma, double aicc) implements FittedModel {

    @Override
    public String model() {
        return spec.name();
    }

    @Override
    public double[] pointForecasts(int horizon) {
        double[] out = new double[horizon];
        double phi = spec.trend() == EtsSpec.Trend.DAMPED ? parameters.phi() : 1;
        double[] season = run.season();
        int n = run.errors().length;
        double damped = 0;
        double power = 1;
        for (int h = 1; h <= horizon; h++) {
            power *= phi;
            damped += power;
            double base = run.level() + (spec.trended() ? damped * run.trend() : 0);
            double s = season[(n + h - 1) % period];
            out[h - 1] = spec.multiplicative() ? base * s : spec.seasonal() ? base + s : base;
        }
        return out;
    }

    @Override
    public double[] errorDeviations(int horizon) {
        double[] out = new double[horizon];
        double[] mean = spec.multiplicative() ? pointForecasts(horizon) : null;
        double phi = spec.trend() == EtsSpec.Trend.DAMPED ? parameters.phi() : 1;
        double sum = 0;
        double damped = 0;
        double power = 1;
        for (int h = 1; h <= horizon; h++) {
            double deviation = sigma * Math.sqrt(1 + sum);
            out[h - 1] = spec.multiplicative() ? Math.abs(mean[h - 1]) * deviation : deviation;
            // c_j for j = h, used from horizon h + 1 on
            power *= phi;
            damped += power;
            double c = parameters.alpha() + (spec.trended() ? parameters.beta() * damped : 0)
                    + (spec.seasonal() && h % period == 0 ? parameters.gamma() : 0);
            sum += c * c;
        }
        return out;
    }
}
