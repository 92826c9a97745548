package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.IngestPlan;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.CsvFileIngester;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.RecordRejected;
import io.salesops.ingest.csv.SourceRecord;
import io.salesops.ingest.csv.StagedRow;
import io.salesops.jobs.config.IngestProperties;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.monthend.BatchIds;
import io.salesops.warehouse.DataLayout;
import java.util.Set;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
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

    /** Records per chunk: large enough that the per-chunk repository update is noise. */
    static final int CHUNK = 5_000;

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
    Step ingestFile(JobRepository jobRepository, FileRecordReader fileRecordReader,
                    FileRecordProcessor fileRecordProcessor, FilePartWriter filePartWriter) {
        return new StepBuilder(FilePartitioner.WORKER, jobRepository)
                .<SourceRecord, StagedRow>chunk(CHUNK)
                .reader(fileRecordReader)
                .processor(fileRecordProcessor)
                .writer(filePartWriter)
                .faultTolerant()
                .skipPolicy(new LimitCheckingExceptionHierarchySkipPolicy(Set.of(RecordRejected.class),
                        Long.MAX_VALUE)) // the reject threshold is a ratio, applied when the file is settled
                .skipListener(fileRecordProcessor)
                .listener(fileRecordProcessor)
                .listener(filePartWriter)
                .build();
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

    /** The partition's file, from the recorded plan (no file is read to find it). */
    private static PlannedFile plannedFile(ProfileSource profiles, String plan, int index) {
        IngestPlan read = PlanCodec.read(plan, profiles::byName);
        return read.files().stream().filter(f -> f.index() == index).findFirst().orElseThrow(
                () -> new IllegalStateException("the ingest plan has no file " + index));
    }

    @Bean
    @StepScope
    FileRecordReader fileRecordReader(ProfileSource profileSource,
                                      @Value("#{jobExecutionContext['" + PlanCodec.KEY + "']}") String plan,
                                      @Value("#{stepExecutionContext['" + FilePartitioner.FILE_INDEX + "']}") int index) {
        return new FileRecordReader(plannedFile(profileSource, plan, index));
    }

    @Bean
    @StepScope
    FileRecordProcessor fileRecordProcessor(ProfileSource profileSource, LandingIngest ingest,
                                            SalesOpsProperties settings, IngestProperties properties,
                                            @Value("#{jobExecutionContext['" + PlanCodec.KEY + "']}") String plan,
                                            @Value("#{stepExecutionContext['" + FilePartitioner.FILE_INDEX + "']}")
                                            int index) {
        PlannedFile file = plannedFile(profileSource, plan, index);
        String batchId = PlanCodec.batchId(plan);
        return new FileRecordProcessor(file, batchId, settings.zone(), properties.dedupeMemory().toBytes(),
                ingest.rejectsPart(batchId, file));
    }

    @Bean
    @StepScope
    FilePartWriter filePartWriter(ProfileSource profileSource, LandingIngest ingest,
                                  ObjectProvider<IngestProgress> progress,
                                  @Value("#{jobExecutionContext['" + PlanCodec.KEY + "']}") String plan,
                                  @Value("#{stepExecutionContext['" + FilePartitioner.FILE_INDEX + "']}") int index) {
        PlannedFile file = plannedFile(profileSource, plan, index);
        return new FilePartWriter(file, ingest.tablePart(PlanCodec.batchId(plan), file),
                progress.getIfAvailable(() -> IngestProgress.SILENT));
    }

    @Bean
    @StepScope
    Tasklet finishIngestTasklet(LandingIngest ingest, JobRepository jobRepository, ProfileSource profileSource,
                                SalesOpsProperties settings, IngestProperties properties,
                                ObjectProvider<IngestProgress> progress) {
        CsvFileIngester rules = new CsvFileIngester(settings.zone(), settings.maxRejectRatio(),
                properties.dedupeMemory().toBytes());
        return new FinishIngestTasklet(ingest, jobRepository, rules, plan -> PlanCodec.read(plan, profileSource::byName),
                progress.getIfAvailable(() -> IngestProgress.SILENT));
    }
}
