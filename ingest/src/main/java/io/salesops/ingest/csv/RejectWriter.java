package io.salesops.ingest.csv;

import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Writes quarantined records into the staging directory of {@link IngestTables#REJECTS}. */
public final class RejectWriter implements Closeable {

    private final Path file;
    private ParquetRowWriter writer;

    public RejectWriter(Path file) {
        this.file = file;
    }

    /** Quarantines a record with the rule it broke. */
    public void reject(String table, String batchId, String sourceFile, SourceRecord record, RecordRejected rejected) {
        reject(table, batchId, sourceFile, record.line(), rejected.column(), rejected.rule(), rejected.getMessage(),
                record.raw());
    }

    void reject(String table, String batchId, String sourceFile, long line, String column, String rule,
                String message, String rawRecord) {
        if (writer == null) {
            writer = new ParquetRowWriter(file, IngestTables.REJECTS.name(), IngestTables.REJECTS.storedColumns());
        }
        writer.write(new Object[] {table, batchId, sourceFile, line, column, rule, message, rawRecord});
    }

    public long rows() {
        return writer == null ? 0 : writer.rows();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
