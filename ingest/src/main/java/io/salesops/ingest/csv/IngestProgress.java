package io.salesops.ingest.csv;

/** Callbacks for showing progress on a terminal; the default does nothing. */
public interface IngestProgress {
    IngestProgress SILENT = new IngestProgress() {
    };

    default void fileStarted(String file, String table) {
    }

    default void rowsRead(String file, long rows) {
    }

    default void fileFinished(FileIngestResult result) {
    }

    /** A line of the batch's summary once every file is settled (what its rows are to their tables). */
    default void summary(String line) {
    }
}
