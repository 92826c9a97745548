package io.salesops.jobs.forecast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A model fitted to one series. It gives the median of each of the next months and the standard
 * deviation of its error; the 80 % interval is the normal one around the median.
 */
public interface FittedModel {

    /** The 90th percentile of the standard normal, 1.2816: P90 = P50 + z·sd. */
    double Z90 = new NormalDistribution().inverseCumulativeProbability(0.9);

    /** The model's name as the marts show it: {@code naive}, {@code seasonal_naive}, {@code ets(A,Ad,A)}. */
    String model();

    /** The first month forecast: the month after the series' last one. */
    YearMonth next();

    /** The medians of months next … next + horizon − 1. */
    double[] pointForecasts(int horizon);

    /** The standard deviations of the errors of those months. */
    double[] errorDeviations(int horizon);

    default List<Forecast> forecast(int horizon) {
        double[] mean = pointForecasts(horizon);
        double[] sd = errorDeviations(horizon);
        List<Forecast> out = new ArrayList<>(horizon);
        for (int h = 1; h <= horizon; h++) {
            double spread = Z90 * sd[h - 1];
            out.add(new Forecast(next().plusMonths(h - 1), h, mean[h - 1] - spread, mean[h - 1], mean[h - 1] + spread));
        }
        return out;
    }
}
