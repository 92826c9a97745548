package io.salesops.ingest.batch;

import static io.salesops.warehouse.merge.SpillingDuckDb.literal;
import static io.salesops.warehouse.merge.SpillingDuckDb.literals;
import static io.salesops.warehouse.merge.SpillingDuckDb.quoted;

import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.Lineage;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row per natural key in a table, whatever the export files are called. Publishing replaces a
 * file's earlier rows by its name (its source), so a re-export under a new name would add every
 * row a second time. Before the batch is published, for each table loaded from snapshot exports:
 * <ul>
 *   <li>a key in two files of the batch keeps the later file's row (plan order: by path), and is
 *       reported for the earlier file;</li>
 *   <li>a row the current version holds from another source is replaced by the batch's row of the
 *       same key: that source's part is staged again without it;</li>
 *   <li>each file's rows are counted as new (the key was not in the table), replaced (it was, with
 *       other values) or unchanged (the same values; lineage columns aside).</li>
 * </ul>
 * DuckDB does the key work over the key columns and a hash of each row, spilling to disk.
 */
public final class KeyReconcile {

    /** What one file's rows are to the table. */
    public record FileKeys(String file, String table, long newKeys, long replaced, long unchanged, long supersededInBatch,
                    String supersededBy) {
    }

    /** What the batch does to the table: each file's counts, and the rows of other sources it replaces. */
    public record TableKeys(String table, List<FileKeys> files, Map<String, Long> replacedFromSources) {
    }

    private KeyReconcile() {
    }

    static TableKeys apply(Warehouse warehouse, TableDefinition table, String batchId, List<PlannedFile> files,
                           Path spillDirectory) {
        List<PlannedFile> ordered = files.stream().filter(f -> Files.exists(part(warehouse, batchId, f))).toList();
        if (table.naturalKey().isEmpty() || ordered.isEmpty()) {
            return new TableKeys(table.name(), List.of(), Map.of());
        }
        String keys = quoted(table.naturalKey());
        String rowHash = "hash(" + table.storedColumns().stream().map(Column::name)
                .filter(name -> Lineage.COLUMNS.stream().noneMatch(c -> c.name().equals(name)))
                .map(SpillingDuckDb::quoted).collect(Collectors.joining(", ")) + ")";
        try {
            Files.createDirectories(spillDirectory);
            try (Connection connection = SpillingDuckDb.open(spillDirectory, "1GB");
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TEMP TABLE batch_rows AS " + ordered.stream()
                        .map(f -> "SELECT " + keys + ", " + ordered.indexOf(f) + " AS file_no, " + rowHash
                                + " AS h FROM read_parquet(" + literal(part(warehouse, batchId, f)) + ")")
                        .collect(Collectors.joining(" UNION ALL ")));
                sql.execute("CREATE TEMP TABLE superseded AS SELECT " + keys + ", file_no, last FROM (SELECT " + keys
                        + ", file_no, max(file_no) OVER (PARTITION BY " + keys + ") AS last FROM batch_rows)"
                        + " WHERE file_no < last");
                Map<Integer, long[]> superseded = new LinkedHashMap<>();
                try (ResultSet rows = sql.executeQuery("SELECT file_no, count(*), min(last) FROM superseded"
                        + " GROUP BY file_no")) {
                    while (rows.next()) {
                        superseded.put(rows.getInt(1), new long[] {rows.getLong(2), rows.getInt(3)});
                    }
                }
                for (int fileNo : superseded.keySet()) {
                    Path part = part(warehouse, batchId, ordered.get(fileNo));
                    copyWithout(sql, part, part, "(SELECT " + keys + " FROM superseded WHERE file_no = " + fileNo
                            + ")", keys);
                }
                sql.execute("CREATE TEMP TABLE kept AS SELECT * FROM batch_rows ANTI JOIN superseded USING (" + keys
                        + ", file_no)");
                List<FileKeys> counts = count(sql, warehouse.current(table), table, ordered, keys, rowHash,
                        superseded);
                Map<String, Long> replaced = replaceCarried(sql, warehouse, table, batchId, keys);
                return new TableKeys(table.name(), counts, replaced);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reconcile the keys of " + table.name() + " in batch " + batchId
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reconcile the keys of " + table.name(), e);
        }
    }

    private static List<FileKeys> count(Statement sql, Optional<TableVersion> current, TableDefinition table,
                                        List<PlannedFile> ordered, String keys, String rowHash,
                                        Map<Integer, long[]> superseded) throws SQLException {
        boolean hasCurrent = current.isPresent() && !current.get().parquetFiles().isEmpty();
        if (hasCurrent) {
            sql.execute("CREATE TEMP TABLE current_rows AS SELECT " + keys + ", list(" + rowHash + ") AS hs FROM"
                    + " read_parquet(" + literals(current.get().parquetFiles()) + ", union_by_name = true) GROUP BY "
                    + keys);
        }
        String query = hasCurrent
                ? "SELECT file_no, count(*) FILTER (WHERE c.hs IS NULL), count(*) FILTER (WHERE c.hs IS NOT NULL AND"
                + " NOT list_contains(c.hs, b.h)), count(*) FILTER (WHERE list_contains(c.hs, b.h)) FROM kept b"
                + " LEFT JOIN current_rows c USING (" + keys + ") GROUP BY file_no"
                : "SELECT file_no, count(*), 0, 0 FROM kept GROUP BY file_no";
        Map<Integer, long[]> byFile = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                byFile.put(rows.getInt(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
            }
        }
        List<FileKeys> counts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            long[] c = byFile.getOrDefault(i, new long[3]);
            long[] s = superseded.get(i);
            counts.add(new FileKeys(ordered.get(i).label(), table.name(), c[0], c[1], c[2], s == null ? 0 : s[0],
                    s == null ? null : ordered.get((int) s[1]).label()));
        }
        return counts;
    }

    /** Stages, for each carried part holding a key of the batch, that part without those rows. */
    private static Map<String, Long> replaceCarried(Statement sql, Warehouse warehouse, TableDefinition table,
                                                    String batchId, String keys) throws SQLException, IOException {
        Map<String, Long> replaced = new LinkedHashMap<>();
        Set<String> stagedHere = warehouse.stagedPartSources(table, batchId).keySet();
        for (var carried : warehouse.carriedParts(table, batchId).entrySet()) {
            if (stagedHere.contains(carried.getKey())) {
                continue;
            }
            Path file = carried.getValue().file();
            long overlap;
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM read_parquet(" + literal(file)
                    + ") SEMI JOIN kept USING (" + keys + ")")) {
                rows.next();
                overlap = rows.getLong(1);
            }
            if (overlap > 0) {
                Path target = warehouse.stagingDirectory(table, batchId).resolve(carried.getKey());
                copyWithout(sql, file, target, "kept", keys);
                warehouse.recordPartSource(table, batchId, carried.getKey(), carried.getValue().source());
                replaced.merge(carried.getValue().source(), overlap, Long::sum);
            }
        }
        return replaced;
    }

    /** Writes {@code source} without the rows whose key is in {@code keyTable} to {@code target} (may be the same file). */
    private static void copyWithout(Statement sql, Path source, Path target, String keyTable, String keys)
            throws SQLException, IOException {
        SpillingDuckDb.copyToParquet(sql, "SELECT * FROM read_parquet(" + literal(source) + ") ANTI JOIN " + keyTable
                + " USING (" + keys + ")", target);
    }

    private static Path part(Warehouse warehouse, String batchId, PlannedFile file) {
        return warehouse.stagingDirectory(file.profile().table(), batchId).resolve(file.part(batchId));
    }
}
