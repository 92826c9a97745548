package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.ExportReader;
import io.salesops.ingest.csv.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one planned file's records. It keeps no position across restarts: a file's part is
 * written afresh, so a restarted partition reads its file from the start.
 */
final class FileRecordReader implements ItemStreamReader<SourceRecord> {

    private final PlannedFile file;
    private ExportReader reader;

    FileRecordReader(PlannedFile file) {
        this.file = file;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        reader = new ExportReader(file.path(), file.layout(), file.label());
    }

    @Override
    public SourceRecord read() {
        return reader.next();
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reader = null;
        }
    }
}
