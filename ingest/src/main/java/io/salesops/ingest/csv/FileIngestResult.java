package io.salesops.ingest.csv;

import java.util.Map;

/**
 * What happened to one export file.
 *
 * @param rowsRead   data records in the file
 * @param duplicates records folded into an earlier record with the same natural key: dropped, or
 *                   for a roll-up profile, added to it
 * @param deletes    records an incremental export marks as deleted (tombstones)
 * @param rejectsByRule rejected records counted by the rule they broke
 */
public record FileIngestResult(String file, String table, String profile, String charset, long rowsRead,
                               long accepted, long rejected, long duplicates, long deletes, Map<String, Long> rejectsByRule,
                               long millis) {
    public FileIngestResult {
        rejectsByRule = Map.copyOf(rejectsByRule);
    }

    public double rowsPerSecond() {
        return millis == 0 ? rowsRead * 1000.0 : rowsRead * 1000.0 / millis;
    }
}
