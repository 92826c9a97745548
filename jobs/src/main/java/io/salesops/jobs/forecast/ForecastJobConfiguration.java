package io.salesops.jobs.forecast;

import io.salesops.jobs.config.ForecastProperties;
import io.salesops.jobs.mart.MartSteps;
import io.salesops.jobs.runtime.HorizonParameter;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.ProcessOwnerListener;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** forecast: run-rate forecasts of invoiced revenue as of the period's end, backtested → analyst views. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForecastProperties.class)
public class ForecastJobConfiguration {

    public static final String JOB_NAME = "forecast";

    @Bean
    ForecastComputation forecastComputation(ForecastProperties properties) {
        return new ForecastComputation(properties);
    }

    @Bean
    Step computeForecast(MartSteps marts, ForecastComputation forecasts) {
        return marts.step("computeForecast", forecasts);
    }

    @Bean
    Job forecast(JobRepository jobRepository, MartSteps marts, ForecastComputation forecasts, Step computeForecast,
                 Step refreshAnalystDatabase) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new JobParameterRules(new PeriodParameter(), new HorizonParameter(), marts.asOf(forecasts)))
                .listener(new ProcessOwnerListener(jobRepository))
                .start(computeForecast)
                .next(refreshAnalystDatabase)
                .build();
    }
}
