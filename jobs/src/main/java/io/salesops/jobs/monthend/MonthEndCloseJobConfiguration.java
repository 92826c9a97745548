package io.salesops.jobs.monthend;

import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.jobs.runtime.RefreshAnalystTasklet;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.jobs.runtime.AsOfParameter;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.OutputPinning;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.ProcessOwnerListener;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.reports.territory.TerritorySummaryReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.Warehouse;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
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
    Job monthEndClose(JobRepository jobRepository, Warehouse warehouse, Step planIngest, Step ingestFiles,
                      Step finishIngest, Step publishWarehouse,
                      Step computeTerritoryPerformance, Step renderTerritoryReport, Step refreshAnalystDatabase) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new JobParameterRules(new PeriodParameter(),
                        new AsOfParameter(warehouse, TerritoryPerformanceTasklet.INPUTS)))
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

    /** The first step to read the warehouse pins the versions of its inputs for the whole execution. */
    @Bean
    Step computeTerritoryPerformance(JobRepository jobRepository, Warehouse warehouse,
                                     Tasklet territoryPerformanceTasklet) {
        return new StepBuilder("computeTerritoryPerformance", jobRepository).tasklet(territoryPerformanceTasklet)
                .listener(new InputPinning(jobRepository, warehouse, TerritoryPerformanceTasklet.INPUTS))
                .listener(new OutputPinning(jobRepository))
                .build();
    }

    @Bean
    Step renderTerritoryReport(JobRepository jobRepository, Tasklet territoryReportTasklet) {
        return new StepBuilder("renderTerritoryReport", jobRepository).tasklet(territoryReportTasklet).build();
    }

    @Bean
    Step refreshAnalystDatabase(JobRepository jobRepository, AnalystDatabase analyst, Warehouse warehouse) {
        return new StepBuilder("refreshAnalystDatabase", jobRepository)
                .tasklet(new RefreshAnalystTasklet(analyst, warehouse, WarehouseCatalog.ALL)).build();
    }

    @Bean
    @StepScope
    Tasklet territoryPerformanceTasklet(SparkSessionProvider spark, Warehouse warehouse, PruneAfterPublish retention,
                                        @Value("#{jobParameters['period']}") String period) {
        return new TerritoryPerformanceTasklet(spark, warehouse, retention, period);
    }

    @Bean
    @StepScope
    Tasklet territoryReportTasklet(TerritorySummaryReport report, Warehouse warehouse, DataLayout layout,
                                   @Value("#{jobParameters['period']}") String period) {
        return new TerritoryReportTasklet(report, warehouse, layout, period);
    }
}
