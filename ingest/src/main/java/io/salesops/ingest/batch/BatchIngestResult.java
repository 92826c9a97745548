package io.salesops.ingest.batch;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.warehouse.merge.ParquetMerge;
import java.util.List;

/**
 * The files of one ingest batch and what became of each.
 *
 * @param skipped    files whose exact bytes an earlier batch already loaded into the same table
 * @param merges     what incremental files did to their tables
 * @param references rows whose reference names a missing parent (warned or rejected)
 */
public record BatchIngestResult(String batchId, List<FileIngestResult> files, List<SkippedFile> skipped,
                                List<Merge> merges, ReferenceReport references) {
    public BatchIngestResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        merges = List.copyOf(merges);
    }

    public BatchIngestResult(String batchId, List<FileIngestResult> files, List<SkippedFile> skipped) {
        this(batchId, files, skipped, List.of(), new ReferenceReport(batchId, List.of()));
    }

    /** What an incremental load did to a table: keys inserted, updated and deleted, and the rows after. */
    public record Merge(String table, int baseVersion, ParquetMerge.UpsertResult result) {
    }

    /** A file left alone because its content was loaded before. */
    public record SkippedFile(String file, String table, String loadedByBatch) {
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileIngestResult::rowsRead).sum();
    }

    public long accepted() {
        return files.stream().mapToLong(FileIngestResult::accepted).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileIngestResult::rejected).sum();
    }
}
