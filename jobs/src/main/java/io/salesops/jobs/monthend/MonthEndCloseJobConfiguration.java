package io.salesops.jobs.monthend;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.jobs.mart.MartSteps;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.ProcessOwnerListener;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.territory.TerritoryStepsConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * monthEndClose: exports → validated Parquet → published warehouse → territory performance on
 * Spark → PDF → analyst.duckdb. Each step is restartable on its own (see README.md here).
 */
@Configuration(proxyBeanMethods = false)
public class MonthEndCloseJobConfiguration {

    public static final String JOB_NAME = "monthEndClose";

    @Bean
    Job monthEndClose(JobRepository jobRepository, MartSteps marts, Step planIngest, Step ingestFiles,
                      Step finishIngest, Step publishWarehouse,
                      Step computeTerritoryPerformance, Step renderTerritoryReport, Step refreshAnalystDatabase) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new JobParameterRules(new PeriodParameter(),
                        marts.asOf(TerritoryStepsConfiguration.COMPUTATION)))
                .listener(new ProcessOwnerListener(jobRepository))
                .start(planIngest)
                .next(ingestFiles)
                .next(finishIngest)
                .next(publishWarehouse)
                .next(computeTerritoryPerformance)
                .next(renderTerritoryReport)
                .next(refreshAnalystDatabase)
                .build();
    }

    @Bean
    Step publishWarehouse(JobRepository jobRepository, LandingIngest ingest, PruneAfterPublish retention) {
        return new StepBuilder("publishWarehouse", jobRepository)
                .tasklet(new PublishWarehouseTasklet(ingest, retention)).build();
    }
}
