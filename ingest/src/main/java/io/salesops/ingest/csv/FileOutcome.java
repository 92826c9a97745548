package io.salesops.ingest.csv;

import io.salesops.warehouse.merge.ParquetMerge;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What becomes of a file once its records are written: the duplicates the key budget could not
 * catch are removed, the counts become a {@link FileIngestResult}, and a file above the reject
 * threshold fails with nothing of it left to publish.
 */
public final class FileOutcome {

    private FileOutcome() {
    }

    /**
     * @param counts what the record loop counted
     * @param part   the file's staged part
     */
    public static FileIngestResult settle(Counts counts, Path part, TableDefinition table, double maxRejectRatio) {
        return settle(counts, part, table, maxRejectRatio, java.util.Set.of());
    }

    /** @param summed columns to sum over records sharing a key (a roll-up profile), or empty */
    public static FileIngestResult settle(Counts counts, Path part, TableDefinition table, double maxRejectRatio,
                                          java.util.Set<String> summed) {
        return settle(counts, part, table, maxRejectRatio, summed, null, null);
    }

    /**
     * @param rejectsPart the file's closed quarantine part, whose records a failure message
     *                    samples; null when it is still open
     * @param batchId     the batch, for the query that lists the records
     */
    public static FileIngestResult settle(Counts counts, Path part, TableDefinition table, double maxRejectRatio,
                                          java.util.Set<String> summed, Path rejectsPart, String batchId) {
        long duplicates = counts.duplicates();
        long accepted = counts.accepted();
        if (counts.keysOverflowed() || !summed.isEmpty()) {
            Path spill = part.resolveSibling("_spill-" + part.getFileName());
            ParquetMerge merge = new ParquetMerge(spill, "1GB");
            long removed = summed.isEmpty() ? merge.keepFirstPerKey(part, table) : merge.rollUp(part, table, summed);
            try {
                FileTrees.deleteIfExists(spill);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + spill, e);
            }
            duplicates += removed;
            accepted -= removed;
        }
        FileIngestResult result = new FileIngestResult(counts.label(), table.name(), counts.profile(),
                counts.charset(), counts.read(), accepted, counts.rejected(), duplicates, counts.deletes(),
                counts.rejectsByRule(), counts.millis());
        if (result.rowsRead() > 0) {
            double ratio = (double) result.rejected() / result.rowsRead();
            if (ratio > maxRejectRatio) {
                PartWriter.delete(part);
                java.util.List<String> detail = RejectDetail.of(rejectsPart);
                throw new IngestFileException(String.format(Locale.ROOT,
                        "%s: %d of %d records rejected (%.1f%%), above the %.1f%% threshold; by rule %s;"
                                + " nothing of this file was published",
                        result.file(), result.rejected(), result.rowsRead(), ratio * 100, maxRejectRatio * 100,
                        detail.isEmpty() ? result.rejectsByRule() : String.join("; ", detail))
                        + (batchId == null ? "" : "; every rejected record: " + RejectDetail.query(batchId,
                        result.file())));
            }
        }
        return result;
    }

    /**
     * The record loop's tally for one file.
     *
     * @param accepted rows written (tombstones not included)
     * @param deletes  tombstones written
     */
    public record Counts(String label, String profile, String charset, long read, long accepted, long rejected,
                         long duplicates, long deletes, Map<String, Long> rejectsByRule, boolean keysOverflowed,
                         long millis) {
    }
}
