package io.salesops.jobs.forecast.model;

import java.time.YearMonth;

/** A forecast for one month: the median and the 80 % interval around it (P10–P90). */
public record Forecast(YearMonth target, int horizon, double p10, double p50, double p90) {
}
