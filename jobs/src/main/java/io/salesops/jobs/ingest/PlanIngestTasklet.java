package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.IngestPlan;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.jobs.runtime.BatchIds;
import io.salesops.warehouse.DataLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First ingest step: settles which files load, with which profile, into which parts (see {@link
 * LandingIngest#plan}), and records the plan in the job's execution context for the file
 * partitions, the finishing step and any restart.
 */
public final class PlanIngestTasklet implements Tasklet {

    private final LandingIngest ingest;
    private final DataLayout layout;
    private final ProfileSource profiles;
    private final String exports;

    PlanIngestTasklet(LandingIngest ingest, DataLayout layout, ProfileSource profiles, String exports) {
        this.ingest = ingest;
        this.layout = layout;
        this.profiles = profiles;
        this.exports = exports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IngestPlan plan = ingest.plan(files(), layout.root(), BatchIds.of(contribution, "ingest"), profiles.forced());
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        jobContext.putString(PlanCodec.KEY, PlanCodec.write(plan));
        var context = contribution.getStepExecution().getExecutionContext();
        context.putLong("files", plan.files().size());
        context.putLong("files.skipped", plan.skipped().size());
        return RepeatStatus.FINISHED;
    }

    /** The landing directory, or the files and folders of the exports parameter (platform path separator). */
    private List<Path> files() {
        if (exports == null) {
            return LandingIngest.exportFiles(layout.landing());
        }
        return Arrays.stream(exports.split(java.io.File.pathSeparator)).map(Path::of)
                .flatMap(path -> Files.isDirectory(path) ? requireExports(path).stream() : Stream.of(path))
                .toList();
    }

    /** A folder named to be loaded must hold an export: loading nothing and reporting success hides a wrong path. */
    public static List<Path> requireExports(Path folder) {
        List<Path> files = LandingIngest.exportFiles(folder);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no export: no .csv file in it or its sub-folders"
                    + (folder.getFileName() != null && folder.getFileName().toString().toLowerCase(
                    java.util.Locale.ROOT).endsWith(".csv") ? " (it is a folder, not a file)" : ""));
        }
        return files;
    }
}
