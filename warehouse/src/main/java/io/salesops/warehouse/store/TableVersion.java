package io.salesops.warehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One immutable, published version of a table: a directory of Parquet files that is never written
 * again once it is published.
 *
 * @param batchId the ingest batch or job run that produced it; publishing the same batch twice is
 *                a no-op, which makes publish steps restartable
 */
public record TableVersion(String table, int version, Path directory, String batchId, Instant createdAt,
                           long rowCount) {

    public String label() {
        return VersionDirectories.name(version);
    }

    /** All Parquet files of this version, partition sub-directories included, in a stable order. */
    public List<Path> parquetFiles() {
        try {
            return FileTrees.parquetFiles(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list files of " + table + " " + label(), e);
        }
    }

    /** The Parquet files of one partition of this version (e.g. period 2025-06 of a mart); empty when it has none. */
    public List<Path> partitionFiles(String column, String value) {
        String name = VersionDirectories.partitionDirectory(column, value);
        return parquetFiles().stream().filter(file -> file.getParent().getFileName().toString().equals(name)).toList();
    }

    /** A glob that DuckDB's read_parquet accepts for every file of this version. */
    public String parquetGlob() {
        return directory.toAbsolutePath() + "/**/*.parquet";
    }
}
