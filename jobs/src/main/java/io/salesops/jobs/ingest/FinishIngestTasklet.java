package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.BatchIngestResult;
import io.salesops.ingest.batch.IngestPlan;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.FileOutcome;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.warehouse.store.ParquetFooters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last ingest step before publishing: settles every file from its partition's counts (removes
 * duplicates the key budget could not catch, applies the reject threshold), merges incremental
 * tables and registers the files. One failing file discards the whole batch's staging, so nothing
 * of the batch can be published.
 *
 * <p>Spring Batch records a partition as completed before it closes the partition's writer, so a
 * part is checked against the rows the partition wrote; a part left incomplete (a crash in that
 * moment) is loaded again here.
 */
final class FinishIngestTasklet implements Tasklet {

    private final LandingIngest ingest;
    private final JobRepository jobRepository;
    private final double maxRejectRatio;
    private final Function<String, IngestPlan> plans;
    private final IngestProgress progress;
    private final Runnable failedBatchRejects;

    /** @param failedBatchRejects run after a failed batch's rejected records were published (the analyst refresh) */
    FinishIngestTasklet(LandingIngest ingest, JobRepository jobRepository, double maxRejectRatio,
                        Function<String, IngestPlan> plans, IngestProgress progress, Runnable failedBatchRejects) {
        this.failedBatchRejects = failedBatchRejects;
        this.ingest = ingest;
        this.jobRepository = jobRepository;
        this.maxRejectRatio = maxRejectRatio;
        this.plans = plans;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        IngestPlan plan = plans.apply(jobExecution.getExecutionContext().getString(PlanCodec.KEY));
        BatchIngestResult result;
        try {
            ingest.restoreStaging(plan); // a failed earlier attempt of this step discarded it
            List<FileIngestResult> files = new ArrayList<>();
            for (PlannedFile file : plan.files()) {
                // The latest execution of the file's partition, from this execution or an earlier one of a restart.
                StepExecution partition = jobRepository.getLastStepExecution(jobExecution.getJobInstance(),
                        FilePartitioner.stepName(file));
                files.add(settle(plan.batchId(), file, partition));
            }
            result = plan.files().isEmpty() ? new BatchIngestResult(plan.batchId(), List.of(), plan.skipped())
                    : ingest.finish(plan, files);
        } catch (RuntimeException e) {
            // the rejected records stay queryable (under the failed batch); nothing else of the batch is kept
            if (ingest.publishRejectsOfFailedBatch(plan)) {
                failedBatchRejects.run();
            }
            ingest.discard(plan);
            throw e;
        }
        var context = contribution.getStepExecution().getExecutionContext();
        context.putLong("files", result.files().size());
        context.putLong("files.skipped", result.skipped().size());
        context.putLong("rows.read", result.rowsRead());
        context.putLong("rows.accepted", result.accepted());
        context.putLong("rows.rejected", result.rejected());
        context.putLong("references.violations", result.references().violations());
        context.putString("merges", result.merges().stream().map(merge -> String.format(
                "%s: %,d inserted, %,d updated, %,d deleted", merge.table(), merge.result().inserted(),
                merge.result().updated(), merge.result().deleted())).collect(java.util.stream.Collectors.joining("; ")));
        for (PlannedFile file : plan.files()) {
            result.files().stream().filter(r -> r.file().equals(file.label()) && r.rejected() > 0).findFirst()
                    .ifPresent(r -> {
                        progress.summary(String.format(java.util.Locale.ROOT, "%s: %,d rejected, by rule and column:",
                                r.file(), r.rejected()));
                        io.salesops.ingest.csv.RejectDetail.of(ingest.rejectsPart(plan.batchId(), file))
                                .forEach(line -> progress.summary("  " + line));
                        progress.summary("  every rejected record: " + io.salesops.ingest.csv.RejectDetail.query(
                                plan.batchId(), r.file()));
                    });
        }
        context.putString("keys", String.join("; ", result.keySummary()));
        result.keySummary().forEach(progress::summary);
        contribution.incrementWriteCount(result.accepted());
        contribution.incrementFilterCount(result.rejected());
        return RepeatStatus.FINISHED;
    }

    private FileIngestResult settle(String batchId, PlannedFile file, StepExecution partition) {
        if (partition == null || partition.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(file.label() + ": its partition did not complete; restart the job");
        }
        var context = partition.getExecutionContext();
        long rows = context.getLong(FilePartWriter.ROWS, -1L);
        Path part = ingest.tablePart(batchId, file);
        if (rows < 0 || footerRows(part) != rows) {
            return ingest.stageFile(batchId, file, progress); // written but not closed: load it again
        }
        ingest.recordSources(batchId, file);
        long millis = Duration.between(partition.getStartTime(), partition.getEndTime()).toMillis();
        FileIngestResult result = FileOutcome.settle(new FileOutcome.Counts(file.label(), file.profile().name(),
                file.layout().encoding().charset().name(), partition.getReadCount(), rows,
                partition.getProcessSkipCount(), partition.getFilterCount(),
                context.getLong(FilePartWriter.TOMBSTONES, 0L),
                FileRecordProcessor.rejectsByRule(context.getString(FileRecordProcessor.REJECTS_BY_RULE, "")),
                Boolean.TRUE.equals(context.get(FileRecordProcessor.KEYS_OVERFLOWED)), millis), part,
                file.profile().table(), maxRejectRatio, file.profile().load().summed(),
                ingest.rejectsPart(batchId, file), batchId);
        progress.fileFinished(result);
        return result;
    }

    private static long footerRows(Path part) {
        try {
            return ParquetFooters.rowCount(part);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
