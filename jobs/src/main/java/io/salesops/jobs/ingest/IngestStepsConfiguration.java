package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.jobs.config.IngestProperties;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.warehouse.DataLayout;
import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.Warehouse;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The ingest steps both the ingest and the month-end jobs start with:
 * <ol>
 *   <li>{@code planIngest}: which files load, with which profile, into which parts;</li>
 *   <li>{@code ingestFiles}: one partition per file, {@code salesops.ingest.threads} at a time,
 *       each a chunk-oriented step (Commons CSV reader → record processor → Parquet writer) whose
 *       skip policy sends every record that breaks a rule to the quarantine;</li>
 *   <li>{@code finishIngest}: reject threshold, remaining duplicates, incremental merges, file
 *       registry; one failing file discards the batch.</li>
 * </ol>
 * {@code publishWarehouse} then makes the staged tables current.
 */
@Configuration(proxyBeanMethods = false)
public class IngestStepsConfiguration {

    @Bean
    Step planIngest(JobRepository jobRepository, Tasklet planIngestTasklet) {
        return new StepBuilder("planIngest", jobRepository).tasklet(planIngestTasklet).build();
    }

    @Bean
    Step ingestFiles(JobRepository jobRepository, Step ingestFile, Partitioner filePartitioner,
                     IngestProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-file-");
        executor.setConcurrencyLimit(properties.threads());
        LargestFirstPartitionHandler handler = new LargestFirstPartitionHandler();
        handler.setStep(ingestFile);
        handler.setTaskExecutor(executor);
        handler.setGridSize(properties.threads());
        return new StepBuilder("ingestFiles", jobRepository)
                .partitioner(FilePartitioner.WORKER, filePartitioner)
                .partitionHandler(handler)
                .build();
    }

    @Bean
    Step ingestFile(JobRepository jobRepository, LandingIngest ingest, SalesOpsProperties settings,
                    IngestProperties properties, ObjectProvider<IngestProgress> progress) {
        return new FileStep(jobRepository, ingest, execution -> {
            var parameters = execution.getJobExecution().getJobParameters();
            return new ProfileSource(ingest, parameters.getString("mapping"), parameters.getString("profile"));
        }, settings.zone(), properties.dedupeMemory().toBytes(), progress.getIfAvailable(() -> IngestProgress.SILENT));
    }

    @Bean
    Step finishIngest(JobRepository jobRepository, Tasklet finishIngestTasklet) {
        return new StepBuilder("finishIngest", jobRepository).tasklet(finishIngestTasklet).build();
    }

    @Bean
    @StepScope
    ProfileSource profileSource(LandingIngest ingest, @Value("#{jobParameters['mapping']}") String mapping,
                                @Value("#{jobParameters['profile']}") String profile) {
        return new ProfileSource(ingest, mapping, profile);
    }

    @Bean
    @StepScope
    Tasklet planIngestTasklet(LandingIngest ingest, DataLayout layout, ProfileSource profileSource,
                              @Value("#{jobParameters['exports']}") String exports) {
        return new PlanIngestTasklet(ingest, layout, profileSource, exports);
    }

    @Bean
    @StepScope
    Partitioner filePartitioner(ProfileSource profileSource,
                                @Value("#{jobExecutionContext['" + PlanCodec.KEY + "']}") String plan) {
        return new FilePartitioner(PlanCodec.read(plan, profileSource::byName));
    }

    @Bean
    @StepScope
    Tasklet finishIngestTasklet(LandingIngest ingest, JobRepository jobRepository, ProfileSource profileSource,
                                SalesOpsProperties settings, ObjectProvider<IngestProgress> progress,
                                AnalystDatabase analyst, Warehouse warehouse) {
        return new FinishIngestTasklet(ingest, jobRepository, settings.maxRejectRatio(),
                plan -> PlanCodec.read(plan, profileSource::byName), progress.getIfAvailable(() -> IngestProgress.SILENT),
                () -> analyst.refresh(warehouse, WarehouseCatalog.ALL));
    }
}
