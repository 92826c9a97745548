package io.salesops.ingest.csv;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes one file's rows as a Parquet part of its table's staging directory, and the tombstones of
 * an incremental export beside it under {@code _deletes/} (opened on the first one, so files
 * without deletes leave nothing behind).
 */
public final class PartWriter implements Closeable {

    /** Folder of tombstone files in a staging directory; the incremental merge consumes it. */
    public static final String TOMBSTONES = "_deletes";

    private final Path part;
    private final TableDefinition table;
    private final ParquetRowWriter rows;
    private ParquetRowWriter tombstones;
    private long rowCount;
    private long tombstoneCount;

    public PartWriter(Path part, TableDefinition table) {
        this.part = part;
        this.table = table;
        this.rows = new ParquetRowWriter(part, table.name(), table.storedColumns(), Set.copyOf(table.naturalKey()));
    }

    public void write(StagedRow row) {
        if (row.tombstone()) {
            tombstoneWriter().write(row.values());
            tombstoneCount++;
        } else {
            rows.write(row.values());
            rowCount++;
        }
    }

    public long rows() {
        return rowCount;
    }

    public long tombstones() {
        return tombstoneCount;
    }

    /** The tombstone file of a part. */
    public static Path tombstoneFile(Path part) {
        return part.resolveSibling(TOMBSTONES).resolve(part.getFileName());
    }

    /** Removes what a failed attempt wrote, so a retry or a publish never sees half a file. */
    public static void delete(Path part) {
        try {
            Files.deleteIfExists(part);
            Files.deleteIfExists(tombstoneFile(part));
        } catch (IOException ignored) {
            // the staging directory is wiped when the batch is staged again
        }
    }

    private ParquetRowWriter tombstoneWriter() {
        if (tombstones == null) {
            Path file = tombstoneFile(part);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file.getParent(), e);
            }
            tombstones = new ParquetRowWriter(file, table.name() + "_deletes", RecordMapper.tombstoneColumns(table));
        }
        return tombstones;
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            if (tombstones != null) {
                tombstones.close();
            }
        }
    }
}
