package io.salesops.ingest.batch;

import io.salesops.ingest.csv.FileIngestResult;
import java.util.List;

/**
 * The files of one ingest batch and what became of each.
 *
 * @param skipped files whose exact bytes an earlier batch already loaded into the same table
 */
public record BatchIngestResult(String batchId, List<FileIngestResult> files, List<SkippedFile> skipped) {
    public BatchIngestResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
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
