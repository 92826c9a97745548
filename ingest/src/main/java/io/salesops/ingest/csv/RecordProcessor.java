package io.salesops.ingest.csv;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.profile.SourceProfile;
import java.time.ZoneId;
import java.util.List;

/**
 * The per-record rules of ingest, in one place for both ways a file is loaded (the plain loop of
 * {@link CsvFileIngester} and the ingest job's chunk step): map and type the record, reject what
 * breaks a rule, and drop repeated natural keys of a snapshot export.
 *
 * <p>Returns null for a duplicate (the first record per key wins while the keys fit the budget;
 * past it {@link #keysOverflowed()} says so and {@link FileOutcome} removes the rest with DuckDB).
 * Not thread-safe: one per file.
 */
public final class RecordProcessor {

    private final RecordMapper mapper;
    private final String batchId;
    private final boolean incremental;
    private final NaturalKeySet keys;
    private boolean keysOverflowed;

    public RecordProcessor(SourceProfile profile, List<String> header, String label, ZoneId localZone, String batchId,
                           long dedupeBudgetBytes) {
        this.mapper = new RecordMapper(profile, header, label, new ValueParser(localZone, profile.formats()));
        this.batchId = batchId;
        this.incremental = profile.load().incremental();
        // Incremental files keep every record (the merge picks per key), so do roll-ups (summed after).
        this.keys = incremental || !profile.load().summed().isEmpty() ? null : new NaturalKeySet(dedupeBudgetBytes);
    }

    /** The row to write, or null when the record repeats a key already loaded from this file. */
    public StagedRow process(SourceRecord source) throws RecordRejected {
        if (incremental && mapper.isDelete(source.record())) {
            return new StagedRow(mapper.mapDelete(source.record(), source.line(), batchId), true);
        }
        Object[] row = mapper.map(source.record(), source.line(), batchId);
        if (keys != null && !keysOverflowed) {
            switch (keys.add(mapper.naturalKey(row))) {
                case DUPLICATE -> {
                    return null;
                }
                case FULL -> keysOverflowed = true;
                case NEW -> {
                }
            }
        }
        return new StagedRow(row, false);
    }

    /** True once the file had more keys than the budget; duplicates after that are still in the part. */
    public boolean keysOverflowed() {
        return keysOverflowed;
    }
}
