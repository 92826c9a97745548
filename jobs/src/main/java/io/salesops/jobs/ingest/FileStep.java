package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.RecordRejected;
import io.salesops.ingest.csv.SourceRecord;
import io.salesops.ingest.csv.StagedRow;
import io.micrometer.observation.ObservationRegistry;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;

/**
 * The worker of the file partitions: for each partition's execution, a chunk-oriented step over
 * that partition's file (Commons CSV reader → record processor → Parquet writer) whose skip
 * policy sends every record that breaks a rule to the quarantine.
 *
 * <p>Why a step built per execution rather than step-scoped reader, processor and writer beans:
 * a step-scoped bean is a proxy that looks the target up in the step scope on every call, and
 * with one call per record that lookup cost about a fifth of the ingest time. Built here, the
 * chunk step calls plain objects.
 */
final class FileStep implements Step {

    /** Records per chunk: large enough that the per-chunk repository update is noise. */
    static final int CHUNK = 5_000;

    private final JobRepository jobRepository;
    private final LandingIngest ingest;
    private final ProfileSourceFactory profiles;
    private final ZoneId localZone;
    private final long dedupeBudgetBytes;
    private final IngestProgress progress;

    FileStep(JobRepository jobRepository, LandingIngest ingest, ProfileSourceFactory profiles, ZoneId localZone,
             long dedupeBudgetBytes, IngestProgress progress) {
        this.jobRepository = jobRepository;
        this.ingest = ingest;
        this.profiles = profiles;
        this.localZone = localZone;
        this.dedupeBudgetBytes = dedupeBudgetBytes;
        this.progress = progress;
    }

    /** Builds the job parameters' profile source for an execution. */
    interface ProfileSourceFactory {
        ProfileSource forExecution(StepExecution execution);
    }

    @Override
    public String getName() {
        return FilePartitioner.WORKER;
    }

    @Override
    public void execute(StepExecution execution) throws JobInterruptedException {
        String plan = execution.getJobExecution().getExecutionContext().getString(PlanCodec.KEY);
        int index = execution.getExecutionContext().getInt(FilePartitioner.FILE_INDEX);
        ProfileSource source = profiles.forExecution(execution);
        PlannedFile file = PlanCodec.read(plan, source::byName).files().stream().filter(f -> f.index() == index)
                .findFirst().orElseThrow(() -> new IllegalStateException("the ingest plan has no file " + index));
        String batchId = PlanCodec.batchId(plan);
        FileRecordProcessor processor = new FileRecordProcessor(file, batchId, localZone, dedupeBudgetBytes,
                ingest.rejectsPart(batchId, file));
        FilePartWriter writer = new FilePartWriter(file, ingest.tablePart(batchId, file), progress);
        Step step = new StepBuilder(FilePartitioner.WORKER, jobRepository)
                .<SourceRecord, StagedRow>chunk(CHUNK)
                .reader(new FileRecordReader(file))
                .processor(processor)
                .writer(writer)
                .faultTolerant()
                .skipPolicy(new LimitCheckingExceptionHierarchySkipPolicy(Set.of(RecordRejected.class),
                        Long.MAX_VALUE)) // the reject threshold is a ratio, applied when the file is settled
                .skipListener(processor)
                .listener(processor)
                .listener(writer)
                // Why: with the application's registry every record opened and closed two Micrometer
                // observations (read, process), several microseconds each: more than parsing it.
                .observationRegistry(ObservationRegistry.NOOP)
                .build();
        step.execute(execution);
    }
}
