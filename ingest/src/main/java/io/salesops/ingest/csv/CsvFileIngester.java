package io.salesops.ingest.csv;

import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads one export file into a staging directory as Parquet, streaming: {@link ExportReader}
 * reads a record, {@link RecordProcessor} maps, types and deduplicates it, and {@link PartWriter}
 * writes it, or the record goes to the quarantine with file, line, column and rule.
 *
 * <p>The ingest job runs the same three pieces as a Spring Batch chunk step; this plain loop is
 * for loading files outside a job (tests, tools). {@link FileOutcome} then settles the file: a
 * file above {@code maxRejectRatio} rejected records fails and its staged Parquet is deleted, so
 * nothing of it can be published.
 */
public final class CsvFileIngester {

    /** Heap one file may use to remember its natural keys before deduplication moves to DuckDB. */
    public static final long DEFAULT_DEDUPE_BUDGET = 256L << 20;

    private static final int PROGRESS_EVERY = 100_000;

    private final ZoneId localZone;
    private final double maxRejectRatio;
    private final long dedupeBudgetBytes;

    public CsvFileIngester(ZoneId localZone, double maxRejectRatio) {
        this(localZone, maxRejectRatio, DEFAULT_DEDUPE_BUDGET);
    }

    /**
     * @param dedupeBudgetBytes heap one file may use for its natural keys; beyond it duplicates are
     *                          removed by a DuckDB pass over the written file
     */
    public CsvFileIngester(ZoneId localZone, double maxRejectRatio, long dedupeBudgetBytes) {
        if (maxRejectRatio < 0 || maxRejectRatio > 1) {
            throw new IllegalArgumentException("the reject threshold must be between 0 and 1, cannot be: "
                    + maxRejectRatio);
        }
        this.localZone = localZone;
        this.maxRejectRatio = maxRejectRatio;
        this.dedupeBudgetBytes = dedupeBudgetBytes;
    }

    public double maxRejectRatio() {
        return maxRejectRatio;
    }

    /**
     * @param file      the export
     * @param layout    its encoding, delimiter and header, as {@link #inspect} found them
     * @param fileLabel how the file is named in lineage and messages (relative to the data directory)
     * @param output    Parquet file to create in the table's staging directory
     */
    public FileIngestResult ingest(Path file, ExportLayout layout, String fileLabel, SourceProfile profile,
                                   Path output, String batchId, RejectWriter rejects, IngestProgress progress) {
        long started = System.nanoTime();
        TableDefinition table = profile.table();
        progress.fileStarted(fileLabel, table.name());
        long read = 0;
        long duplicates = 0;
        long rejected = 0;
        Map<String, Long> byRule = new HashMap<>();
        RecordProcessor processor;
        PartWriter writer = null;
        try (ExportReader reader = new ExportReader(file, layout, fileLabel)) {
            writer = new PartWriter(output, table);
            processor = new RecordProcessor(profile, reader.header(), fileLabel, localZone, batchId, dedupeBudgetBytes);
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                read++;
                try {
                    StagedRow row = processor.process(record);
                    if (row == null) {
                        duplicates++;
                    } else {
                        writer.write(row);
                    }
                } catch (RecordRejected e) {
                    rejected++;
                    byRule.merge(e.rule(), 1L, Long::sum);
                    rejects.reject(table.name(), batchId, fileLabel, record, e);
                }
                if (read % PROGRESS_EVERY == 0) {
                    progress.rowsRead(fileLabel, read);
                }
            }
            writer.close();
        } catch (IOException e) {
            PartWriter.delete(output);
            throw new IngestFileException(fileLabel + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            PartWriter.delete(output);
            throw e;
        }
        FileIngestResult result = FileOutcome.settle(new FileOutcome.Counts(fileLabel, profile.name(),
                layout.encoding().charset().name(), read, writer.rows(), rejected, duplicates, writer.tombstones(),
                byRule, processor.keysOverflowed(), (System.nanoTime() - started) / 1_000_000), output, table,
                maxRejectRatio, profile.load().summed());
        progress.fileFinished(result);
        return result;
    }

    /** See {@link ExportReader#inspect}. */
    public static ExportLayout inspect(Path file, java.nio.charset.Charset declared) throws IOException {
        return ExportReader.inspect(file, declared);
    }

    /** See {@link ExportReader#inspect(Path, java.nio.charset.Charset, FileScan)}. */
    public static ExportLayout inspect(Path file, java.nio.charset.Charset declared, FileScan scan)
            throws IOException {
        return ExportReader.inspect(file, declared, scan);
    }

    private static void closeQuietly(PartWriter writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException ignored) {
                // the part is deleted next
            }
        }
    }
}
