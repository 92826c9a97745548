package io.salesops.jobs.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Forecast settings.
 *
 * @param horizon        months forecast after the period when a run gives no {@code --horizon}
 *                       ({@code salesops.forecast.horizon}, default 3)
 * @param backtestMonths months of the rolling-origin backtest ({@code salesops.forecast.backtest-months},
 *                       default 12)
 * @param springFestival whether the run-rate model may take the Spring Festival's dip out at its
 *                       real date ({@code salesops.forecast.spring-festival}, default true; false for
 *                       a business the festival does not touch)
 */
@ConfigurationProperties("salesops.forecast")
public record ForecastProperties(Integer horizon, Integer backtestMonths, Boolean springFestival) {

    public ForecastProperties {
        horizon = horizon == null ? 3 : horizon;
        backtestMonths = backtestMonths == null ? 12 : backtestMonths;
        springFestival = springFestival == null || springFestival;
        if (horizon < 1 || horizon > io.salesops.jobs.runtime.HorizonParameter.MAX) {
            throw new IllegalArgumentException("salesops.forecast.horizon must be from 1 to "
                    + io.salesops.jobs.runtime.HorizonParameter.MAX + ", cannot be: " + horizon);
        }
        if (backtestMonths < 1 || backtestMonths > 60) {
            throw new IllegalArgumentException("salesops.forecast.backtest-months must be from 1 to 60, cannot be: "
                    + backtestMonths);
        }
    }
}
