package io.salesops.jobs.forecast.model;

/**
 * The optimiser's vector: α, then β/α with a trend, γ/(1 − α) with a season, φ when damped,
 * the initial level, the initial trend with one, and the festival dip's depth with the festival.
 * Bounds on the ratios keep the usual region; the level and trend may move by the series' mean
 * (it is scaled to 1) and a quarter of it a month from their starting values.
 */
record EtsSearchSpace(EtsSpec spec, Ets.Parameters start, boolean festival) {

    private static final double LOW = 1e-4;
    private static final double HIGH = 0.9999;
    private static final double PHI_LOW = 0.8;
    private static final double PHI_HIGH = 0.98;
    /** The deepest festival dip considered: a month that loses 90 % of its business to the holiday. */
    static final double MAX_DEPTH = 0.9;

    int dimension() {
        return spec.smoothingParameters() + 1 + (spec.trended() ? 1 : 0) + (festival ? 1 : 0);
    }

    /** The dip's depth: the last coordinate with the festival, else 0. */
    double depth(double[] x) {
        return festival ? x[x.length - 1] : 0;
    }

    double[] guess() {
        double[] x = new double[dimension()];
        double[] lo = lower();
        double[] hi = upper();
        int i = 0;
        x[i++] = start.alpha();
        if (spec.trended()) {
            x[i++] = start.beta() / start.alpha();
        }
        if (spec.seasonal()) {
            x[i++] = start.gamma() / (1 - start.alpha());
        }
        if (spec.trend() == EtsSpec.Trend.DAMPED) {
            x[i++] = start.phi();
        }
        x[i++] = start.level();
        if (spec.trended()) {
            x[i++] = start.trend();
        }
        if (festival) {
            x[i] = 0.3;
        }
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.min(hi[j], Math.max(lo[j], x[j]));
        }
        return x;
    }

    double[] lower() {
        return bounds(true);
    }

    double[] upper() {
        return bounds(false);
    }

    private double[] bounds(boolean low) {
        double[] b = new double[dimension()];
        int i = 0;
        b[i++] = low ? LOW : HIGH;
        if (spec.trended()) {
            b[i++] = low ? LOW : HIGH;
        }
        if (spec.seasonal()) {
            b[i++] = low ? LOW : HIGH;
        }
        if (spec.trend() == EtsSpec.Trend.DAMPED) {
            b[i++] = low ? PHI_LOW : PHI_HIGH;
        }
        double levelLow = spec.multiplicative() ? Math.max(0.01, start.level() - 1) : start.level() - 1;
        b[i++] = low ? levelLow : start.level() + 1;
        if (spec.trended()) {
            b[i++] = low ? start.trend() - 0.25 : start.trend() + 0.25;
        }
        if (festival) {
            b[i] = low ? 0 : MAX_DEPTH;
        }
        return b;
    }

    Ets.Parameters parameters(double[] x) {
        int i = 0;
        double alpha = x[i++];
        double beta = spec.trended() ? x[i++] * alpha : 0;
        double gamma = spec.seasonal() ? x[i++] * (1 - alpha) : 0;
        double phi = spec.trend() == EtsSpec.Trend.DAMPED ? x[i++] : 1;
        double level = x[i++];
        double trend = spec.trended() ? x[i] : 0;
        return new Ets.Parameters(alpha, beta, gamma, phi, level, trend, start.season());
    }
}
