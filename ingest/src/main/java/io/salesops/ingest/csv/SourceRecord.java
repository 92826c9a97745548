package io.salesops.ingest.csv;

import org.apache.commons.csv.CSVRecord;

/** One record of an export and the line it starts on (a quoted field may span lines). */
public record SourceRecord(long line, CSVRecord record) {

    /** The record as it was, for the quarantine. */
    public String raw() {
        return String.join(",", record.values());
    }
}
