package io.salesops.ingest.batch;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * @param localZone      zone of timestamps written without an offset
 * @param maxRejectRatio share of rejected records above which a file fails (0.05 = 5%)
 * @param threads        files loaded at the same time (each file is read by one thread)
 * @param allowedDirs    folders exports may be read from; empty allows any readable path
 * @param dedupeBudgetBytes heap one file may use to remember its natural keys; a larger file is
 *                       deduplicated by DuckDB on disk instead
 * @param references     what a reference to a missing parent does: warn (the default), reject or nothing
 */
public record IngestSettings(ZoneId localZone, double maxRejectRatio, int threads, List<Path> allowedDirs,
                             long dedupeBudgetBytes, ReferenceCheck.Mode references) {
    public IngestSettings {
        if (maxRejectRatio < 0 || maxRejectRatio > 1) {
            throw new IllegalArgumentException("salesops.ingest.max-reject-ratio must be between 0 and 1, cannot be: "
                    + maxRejectRatio);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("salesops.ingest.threads must be at least 1, cannot be: " + threads);
        }
        if (dedupeBudgetBytes < 0) {
            throw new IllegalArgumentException("salesops.ingest.dedupe-memory must not be negative");
        }
        java.util.Objects.requireNonNull(references, "references");
        allowedDirs = allowedDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
    }

    /** One thread per core, any folder. */
    public IngestSettings(ZoneId localZone, double maxRejectRatio) {
        this(localZone, maxRejectRatio, Runtime.getRuntime().availableProcessors(), List.of(),
                io.salesops.ingest.csv.CsvFileIngester.DEFAULT_DEDUPE_BUDGET, ReferenceCheck.Mode.WARN);
    }

    /** The same settings, reading only from these folders. */
    public IngestSettings allowingOnly(List<Path> folders) {
        return new IngestSettings(localZone, maxRejectRatio, threads, folders, dedupeBudgetBytes, references);
    }

    /** The same settings with another reference rule. */
    public IngestSettings withReferences(ReferenceCheck.Mode mode) {
        return new IngestSettings(localZone, maxRejectRatio, threads, allowedDirs, dedupeBudgetBytes, mode);
    }
}
