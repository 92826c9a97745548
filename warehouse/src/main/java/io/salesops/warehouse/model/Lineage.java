package io.salesops.warehouse.model;

import java.util.List;

/** Columns every curated row carries so a number can be traced back to the export line it came from. */
public final class Lineage {
    public static final String SOURCE_FILE = "_source_file";
    public static final String SOURCE_LINE = "_source_line";
    public static final String INGEST_BATCH = "_ingest_batch";
    public static final String SOURCE_UPDATED_AT = "_source_updated_at";

    public static final List<Column> COLUMNS = List.of(
            new Column(SOURCE_FILE, ColumnType.STRING, false, false, List.of(), "landing path of the source export"),
            new Column(SOURCE_LINE, ColumnType.LONG, false, false, List.of(), "line of the record in that file"),
            new Column(INGEST_BATCH, ColumnType.STRING, false, false, List.of(), "ingest batch that loaded it"),
            new Column(SOURCE_UPDATED_AT, ColumnType.TIMESTAMP, false, false, List.of(),
                    "modification instant the source gave the record, if any; incremental loads keep the newest"));

    private Lineage() {
    }
}
