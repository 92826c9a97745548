package io.salesops.ingest.batch;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestTables;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published registry of loaded files ({@code ingest_files}): the same bytes loaded into the
 * same table again are recognised by their SHA-256 and skipped.
 */
final class FileRegistry {

    private final Warehouse warehouse;
    /** "sha256 table" → batch that loaded it. */
    private final Map<String, String> loaded = new HashMap<>();

    FileRegistry(Warehouse warehouse) {
        this.warehouse = warehouse;
        warehouse.current(IngestTables.FILES).ifPresent(this::load);
    }

    Optional<String> loadedBy(String sha256, String table) {
        return Optional.ofNullable(loaded.get(sha256 + " " + table));
    }

    /** Stages this batch's registry rows; published with the batch, carried over by later ones. */
    /** @param files the batch's files by label (for their hash and landed copy) */
    void stage(String batchId, List<FileIngestResult> results, Map<String, PlannedFile> files) {
        Path staging = warehouse.stage(IngestTables.FILES, batchId);
        String part = "part-" + batchId + ".parquet";
        try (ParquetRowWriter writer = new ParquetRowWriter(staging.resolve(part), IngestTables.FILES.name(),
                IngestTables.FILES.storedColumns())) {
            Instant now = Instant.now();
            for (FileIngestResult result : results) {
                PlannedFile file = files.get(result.file());
                writer.write(new Object[] {file.sha256(), result.table(), result.file(),
                        warehouse.root().relativize(file.path().toAbsolutePath()).toString(), batchId,
                        result.profile(), result.rowsRead(), result.accepted(), result.rejected(), now});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the file registry for " + batchId, e);
        }
        warehouse.recordPartSource(IngestTables.FILES, batchId, part, batchId);
    }

    private void load(TableVersion version) {
        if (version.parquetFiles().isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT file_sha256, table_name, batch_id FROM read_parquet(?)")) {
            statement.setString(1, version.parquetGlob());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    loaded.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the file registry " + version.label() + ": "
                    + e.getMessage(), e);
        }
    }
}
