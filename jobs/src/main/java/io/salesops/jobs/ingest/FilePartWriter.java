package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.PartWriter;
import io.salesops.ingest.csv.StagedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes one file's rows into its Parquet part. The part is created afresh when the partition
 * opens (a restarted partition rewrites it whole) and is complete only once the step closes it;
 * the counts of rows and tombstones go into the partition's execution context.
 */
final class FilePartWriter implements ItemStreamWriter<StagedRow>, StepExecutionListener {

    static final String ROWS = "rows.written";
    static final String TOMBSTONES = "tombstones.written";

    private final PlannedFile file;
    private final Path part;
    private final IngestProgress progress;
    private PartWriter writer;
    private long sinceProgress;

    FilePartWriter(PlannedFile file, Path part, IngestProgress progress) {
        this.file = file;
        this.part = part;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        PartWriter.delete(part);
        writer = new PartWriter(part, file.profile().table());
        progress.fileStarted(file.label(), file.profile().table().name());
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        for (StagedRow row : chunk) {
            writer.write(row);
        }
        sinceProgress += chunk.size();
        if (sinceProgress >= 100_000) {
            sinceProgress = 0;
            progress.rowsRead(file.label(), writer.rows() + writer.tombstones());
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the part of " + file.label(), e);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (writer != null) {
            stepExecution.getExecutionContext().putLong(ROWS, writer.rows());
            stepExecution.getExecutionContext().putLong(TOMBSTONES, writer.tombstones());
        }
        return stepExecution.getExitStatus();
    }
}
