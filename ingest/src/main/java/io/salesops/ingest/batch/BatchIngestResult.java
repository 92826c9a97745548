package io.salesops.ingest.batch;

import io.salesops.ingest.csv.FileIngestResult;
import java.util.List;

/** The files of one ingest batch and what became of each. */
public record BatchIngestResult(String batchId, List<FileIngestResult> files) {
    public BatchIngestResult {
        files = List.copyOf(files);
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
