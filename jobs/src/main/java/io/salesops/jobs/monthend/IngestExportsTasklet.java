package io.salesops.jobs.monthend;

import io.salesops.ingest.batch.BatchIngestResult;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.mapping.MappingFile;
import io.salesops.ingest.profile.SourceProfile;
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
 * Stages every export under the landing directory, or under the files and folders of the
 * {@code exports} job parameter (paths separated by the platform's path separator).
 */
public final class IngestExportsTasklet implements Tasklet {

    private final LandingIngest ingest;
    private final DataLayout layout;
    private final IngestProgress progress;
    private final String exports;
    private final String mapping;
    private final String profile;

    public IngestExportsTasklet(LandingIngest ingest, DataLayout layout, IngestProgress progress, String exports,
                                String mapping, String profile) {
        this.ingest = ingest;
        this.layout = layout;
        this.progress = progress;
        this.exports = exports;
        this.mapping = mapping;
        this.profile = profile;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Path> files = exports == null ? LandingIngest.exportFiles(layout.landing())
                : Arrays.stream(exports.split(java.io.File.pathSeparator)).map(Path::of)
                .flatMap(path -> Files.isDirectory(path) ? LandingIngest.exportFiles(path).stream() : Stream.of(path))
                .toList();
        BatchIngestResult result = ingest.stage(files, layout.root(), BatchIds.of(contribution, "ingest"), progress,
                namedProfile());
        // Spring Batch counts items per chunk; a file-level tasklet reports its totals in the context.
        var context = contribution.getStepExecution().getExecutionContext();
        context.putLong("files", result.files().size());
        context.putLong("files.skipped", result.skipped().size());
        context.putLong("rows.read", result.rowsRead());
        context.putLong("rows.accepted", result.accepted());
        context.putLong("rows.rejected", result.rejected());
        contribution.incrementWriteCount(result.accepted());
        contribution.incrementFilterCount(result.rejected());
        return RepeatStatus.FINISHED;
    }

    /** The job parameters {@code mapping} (a YAML file) or {@code profile} (a built-in's name) force a profile. */
    private SourceProfile namedProfile() {
        if (mapping != null) {
            return MappingFile.load(Path.of(mapping));
        }
        if (profile != null) {
            return ingest.profiles().byName(profile).orElseThrow(() -> new IllegalArgumentException(
                    "no built-in profile named " + profile));
        }
        return null;
    }
}
