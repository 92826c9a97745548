package io.salesops.jobs.config;

import io.salesops.ingest.batch.ReferenceCheck;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Ingest settings.
 *
 * @param threads     export files loaded at once ({@code salesops.ingest.threads}, default one per core)
 * @param allowedDirs folders exports may be read from ({@code salesops.ingest.allowed-dirs}); empty,
 *                    the default, allows any path the process can read
 * @param dedupeMemory heap one file may use for its natural keys ({@code salesops.ingest.dedupe-memory},
 *                    default 256MB); a file with more keys is deduplicated by DuckDB on disk
 * @param references  a record whose reference names a missing parent ({@code salesops.ingest.references}):
 *                    {@code warn} (the default: loaded, listed in ingest_warnings), {@code reject}
 *                    (quarantined in ingest_rejects) or {@code off}
 */
@ConfigurationProperties("salesops.ingest")
public record IngestProperties(Integer threads, List<Path> allowedDirs, DataSize dedupeMemory,
                               ReferenceCheck.Mode references) {
    public IngestProperties {
        threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        allowedDirs = allowedDirs == null ? List.of() : List.copyOf(allowedDirs);
        dedupeMemory = dedupeMemory == null ? DataSize.ofMegabytes(256) : dedupeMemory;
        references = references == null ? ReferenceCheck.Mode.WARN : references;
    }
}
