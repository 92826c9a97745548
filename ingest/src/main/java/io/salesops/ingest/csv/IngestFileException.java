package io.salesops.ingest.csv;

/** A file that cannot be loaded at all; the message names the file and, where known, the line. */
public final class IngestFileException extends RuntimeException {
    public IngestFileException(String message) {
        super(message);
    }

    public IngestFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
