package io.salesops.ingest.csv;

/**
 * A record ready to be written: a row of the table (stored columns in order), or, for a record an
 * incremental export marks as deleted, a tombstone (natural key, then lineage).
 */
public record StagedRow(Object[] values, boolean tombstone) {
}
