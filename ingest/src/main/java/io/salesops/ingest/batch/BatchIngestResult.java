package io.salesops.ingest.batch;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.warehouse.merge.ParquetMerge;
import java.util.List;

/**
 * The files of one ingest batch and what became of each.
 *
 * @param skipped    files whose exact bytes an earlier batch already loaded into the same table
 * @param merges     what incremental files did to their tables
 * @param references rows whose reference names a missing parent (warned or rejected)
 * @param keys       per snapshot-loaded table: each file's new, replaced and unchanged rows, keys a
 *                   later file of the batch also holds, rows of other sources replaced by key
 */
public record BatchIngestResult(String batchId, List<FileIngestResult> files, List<SkippedFile> skipped,
                                List<Merge> merges, ReferenceReport references, List<KeyReconcile.TableKeys> keys) {
    public BatchIngestResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        merges = List.copyOf(merges);
        keys = List.copyOf(keys);
    }

    public BatchIngestResult(String batchId, List<FileIngestResult> files, List<SkippedFile> skipped) {
        this(batchId, files, skipped, List.of(), new ReferenceReport(batchId, List.of()), List.of());
    }

    /** One line per file and table: what the batch's rows are to the table, for the summary. */
    public List<String> keySummary() {
        List<String> lines = new java.util.ArrayList<>();
        for (Merge merge : merges) {
            for (ParquetMerge.FileChanges file : merge.result().files()) {
                lines.add(String.format(java.util.Locale.ROOT,
                        "%s -> %s (incremental): %,d new, %,d replaced, %,d unchanged, %,d deleted%s%s%s",
                        file.file(), merge.table(), file.inserted(), file.replaced(), file.unchanged(), file.deleted(),
                        file.olderThanStored() == 0 ? "" : String.format(java.util.Locale.ROOT,
                                ", %,d older than the stored row (the stored row kept)", file.olderThanStored()),
                        file.superseded() == 0 ? "" : String.format(java.util.Locale.ROOT,
                                ", %,d superseded by another change of this batch (newer, or as new and later in the files)", file.superseded()),
                        file.tiedWithLaterFile() == 0 ? "" : String.format(java.util.Locale.ROOT,
                                " (%,d of them with the same updated time in %s, the later file, whose rows were kept)",
                                file.tiedWithLaterFile(), file.supersededBy())));
            }
        }
        for (KeyReconcile.TableKeys table : keys) {
            for (KeyReconcile.FileKeys file : table.files()) {
                lines.add(String.format(java.util.Locale.ROOT, "%s -> %s: %,d new, %,d replaced, %,d unchanged%s",
                        file.file(), file.table(), file.newKeys(), file.replaced(), file.unchanged(),
                        file.supersededInBatch() == 0 ? "" : String.format(java.util.Locale.ROOT,
                                ", %,d duplicate keys also in %s of this batch (that file's rows kept)",
                                file.supersededInBatch(), file.supersededBy())));
            }
            table.replacedFromSources().forEach((source, rows) -> lines.add(String.format(java.util.Locale.ROOT,
                    "%s: %,d rows loaded from %s replaced by the same keys in this batch", table.table(), rows,
                    source)));
        }
        return lines;
    }

    /** What an incremental load did to a table: keys inserted, updated and deleted, and the rows after. */
    public record Merge(String table, int baseVersion, ParquetMerge.UpsertResult result) {
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
