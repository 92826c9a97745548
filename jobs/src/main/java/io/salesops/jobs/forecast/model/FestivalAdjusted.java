package io.salesops.jobs.forecast.model;

import io.salesops.warehouse.calendar.SpringFestival;
import java.time.YearMonth;

/**
 * A model fitted to the series with the Spring Festival dip taken out, its forecasts with the dip
 * put back: month t is divided by 1 − d·w_t to fit, and its forecast multiplied by it, where w_t
 * is the share of that year's festival window in the month ({@link SpringFestival#share}) and d the
 * depth of the dip (0 ≤ d &lt; 1). So a February festival moves the dip into the forecast's
 * February even when last year's fell in January, which a 12-month season alone cannot do.
 */
public record FestivalAdjusted(EtsFit base, double depth) implements FittedModel {

    public static final String SUFFIX = "+festival";

    public FestivalAdjusted {
        if (!(depth >= 0 && depth < 1)) {
            throw new IllegalArgumentException("a festival dip must be at least 0 and below 1: " + depth);
        }
    }

    /** 1 − d·w: what share of the month's usual business the festival leaves. */
    public static double factor(YearMonth month, double depth) {
        return 1 - depth * SpringFestival.share(month);
    }

    /** The AICc of the fit, the depth counted among its parameters and the division's Jacobian in its likelihood. */
    public double aicc() {
        return base.aicc();
    }

    @Override
    public String model() {
        return base.model() + SUFFIX;
    }

    @Override
    public YearMonth next() {
        return base.next();
    }

    @Override
    public double[] pointForecasts(int horizon) {
        double[] out = base.pointForecasts(horizon);
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] *= factor(next().plusMonths(h - 1), depth);
        }
        return out;
    }

    @Override
    public double[] errorDeviations(int horizon) {
        double[] out = base.errorDeviations(horizon);
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] *= factor(next().plusMonths(h - 1), depth);
        }
        return out;
    }
}
