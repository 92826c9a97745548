package io.salesops.warehouse.store;

import io.salesops.warehouse.model.Lineage;
import io.salesops.warehouse.model.TableDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of the current warehouse as comparable values: per table, the row count and an
 * order-independent hash of every row. Batch and run ids and load instants are left out, since a
 * rerun or restart loads the same rows under a new batch at another time. Two warehouses with equal
 * fingerprints hold the same data.
 */
public final class WarehouseFingerprint {

    private static final java.util.Set<String> RUN_SPECIFIC = java.util.Set.of("batch_id", Lineage.INGEST_BATCH,
            "ingested_at", "run_id", "job_execution_id", "finished_at");

    private WarehouseFingerprint() {
    }

    /** Table → "rows:hash"; tables without a published version are absent. */
    public static Map<String, String> of(Warehouse warehouse, Collection<TableDefinition> tables) {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (TableDefinition table : tables) {
                var version = warehouse.current(table);
                if (version.isEmpty()) {
                    continue;
                }
                if (version.get().parquetFiles().isEmpty()) {
                    fingerprint.put(table.name(), "0:0");
                    continue;
                }
                String excluded = table.storedColumns().stream().map(c -> c.name())
                        .filter(RUN_SPECIFIC::contains).collect(java.util.stream.Collectors.joining(", "));
                // by name, as the analyst views: a version may hold files from before a column was added
                String source = "read_parquet('" + version.get().parquetGlob().replace("'", "''")
                        + "', union_by_name = true)";
                String rows = excluded.isEmpty() ? "SELECT * FROM " + source
                        : "SELECT * EXCLUDE (" + excluded + ") FROM " + source;
                try (ResultSet rs = statement.executeQuery(
                        "SELECT count(*), coalesce(sum(hash(t)), 0)::VARCHAR FROM (" + rows + ") t")) {
                    rs.next();
                    fingerprint.put(table.name(), rs.getLong(1) + ":" + rs.getString(2));
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the warehouse: " + e.getMessage(), e);
        }
    }
}
