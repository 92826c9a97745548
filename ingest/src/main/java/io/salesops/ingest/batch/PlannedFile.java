package io.salesops.ingest.batch;

import io.salesops.ingest.csv.ExportLayout;
import io.salesops.ingest.profile.SourceProfile;
import java.nio.file.Path;

/**
 * A file of a batch, with everything settled before any file loads: its label (path relative to
 * the data directory, used in lineage and messages), profile, layout, size and content hash, and
 * the part it becomes.
 *
 * @param index position in the batch; names the file's parts
 */
public record PlannedFile(int index, Path path, String label, SourceProfile profile, ExportLayout layout, long size,
                          String sha256) {

    /** Name of the file's Parquet part in its table's staging directory (and in the quarantine's). */
    public String part(String batchId) {
        return String.format("part-%s-%05d.parquet", batchId, index);
    }
}
