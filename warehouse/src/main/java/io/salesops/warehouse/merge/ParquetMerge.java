package io.salesops.warehouse.merge;

import static io.salesops.warehouse.merge.SpillingDuckDb.literal;
import static io.salesops.warehouse.merge.SpillingDuckDb.literals;
import static io.salesops.warehouse.merge.SpillingDuckDb.quoted;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.Lineage;
import io.salesops.warehouse.model.TableDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Key-based rewrites of Parquet files that do not fit in the JVM heap, done by DuckDB, which
 * spills to disk under a memory limit: dropping repeated natural keys from one large file, and
 * upserting an incremental export into a table.
 *
 * <p>Outputs are written to a temporary name and moved into place, so a crash leaves either the
 * old file or the new one.
 */
public final class ParquetMerge {

    private final Path tempDirectory;
    private final String memoryLimit;

    /**
     * @param tempDirectory where DuckDB may spill
     * @param memoryLimit   DuckDB's memory limit, e.g. "1GB"
     */
    public ParquetMerge(Path tempDirectory, String memoryLimit) {
        this.tempDirectory = tempDirectory;
        this.memoryLimit = memoryLimit;
    }

    /**
     * Keeps, per natural key, the row with the lowest {@code _source_line} (the first in the export),
     * rewriting the file only when a key repeats. Returns how many rows were dropped.
     */
    public long keepFirstPerKey(Path file, TableDefinition table) {
        String source = "read_parquet(" + literal(file) + ")";
        String keys = quoted(table.naturalKey());
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            // Narrow work first: the repeated keys (a hash aggregate over the key columns only), then
            // the lines to drop among their records. Most files repeat few keys, so the wide rewrite
            // that follows is a streaming anti-join, not a sort of whole rows.
            statement.execute("CREATE TEMP TABLE repeated AS SELECT " + keys + " FROM " + source + " GROUP BY "
                    + keys + " HAVING count(*) > 1");
            statement.execute("CREATE TEMP TABLE dropped AS SELECT " + Lineage.SOURCE_LINE + " FROM (SELECT "
                    + Lineage.SOURCE_LINE + ", row_number() OVER (PARTITION BY " + keys + " ORDER BY "
                    + Lineage.SOURCE_LINE + ") AS occurrence FROM " + source + " SEMI JOIN repeated USING ("
                    + keys + ")) WHERE occurrence > 1");
            long removed = count(statement, "SELECT count(*) FROM dropped");
            if (removed == 0) {
                return 0;
            }
            SpillingDuckDb.copyToParquet(statement, "SELECT * FROM " + source + " ANTI JOIN dropped USING ("
                    + Lineage.SOURCE_LINE + ")", file);
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot deduplicate " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the records sharing a natural key one record: the summed columns added up, every other
     * column taken from the first record (lowest {@code _source_line}), rewritten in line order.
     * Returns how many records were folded into another.
     */
    public long rollUp(Path file, TableDefinition table, java.util.Set<String> summed) {
        String source = "read_parquet(" + literal(file) + ")";
        String keys = quoted(table.naturalKey());
        String columns = table.storedColumns().stream().map(column -> {
            String name = quoted(List.of(column.name()));
            if (table.naturalKey().contains(column.name())) {
                return name;
            }
            if (summed.contains(column.name())) {
                return "CAST(sum(" + name + ") AS " + column.type().sqlType() + ") AS " + name;
            }
            return "arg_min(" + name + ", " + Lineage.SOURCE_LINE + ") AS " + name;
        }).collect(Collectors.joining(", "));
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            long before = count(statement, "SELECT count(*) FROM " + source);
            SpillingDuckDb.copyToParquet(statement, "SELECT " + columns + " FROM " + source + " GROUP BY " + keys
                    + " ORDER BY " + Lineage.SOURCE_LINE, file);
            long after = count(statement, "SELECT count(*) FROM read_parquet(" + literal(file) + ")");
            return before - after;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll up " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code out} as the table after applying changes and deletes to its current rows.
     *
     * <p>Per natural key the winner is the row with the newest {@code _source_updated_at} (rows
     * without one lose to rows with one); on a tie, a change beats the current row, and among
     * changes the later file and then the later line wins. A winning tombstone removes the key.
     *
     * @param current files of the table's current version (may be empty)
     * @param changes incremental files, in load order, with the table's stored columns
     * @param deletes tombstone files (natural key and lineage columns), in the same order as changes
     */
    public UpsertResult upsert(TableDefinition table, List<Path> current, List<Path> changes, List<Path> deletes,
                               Path out) {
        String keys = quoted(table.naturalKey());
        String columns = quoted(table.storedColumns().stream().map(Column::name).toList());
        // a row's values without lineage: a change that only restates the stored row is "unchanged"
        String rowHash = "hash(" + quoted(table.storedColumns().stream().map(Column::name)
                .filter(name -> Lineage.COLUMNS.stream().noneMatch(c -> c.name().equals(name))).toList()) + ")";
        StringBuilder candidates = new StringBuilder();
        if (!current.isEmpty()) {
            candidates.append("SELECT ").append(columns).append(", false AS _deleted, 0 AS _rank, '' AS _file, ")
                    .append(rowHash).append(" AS _h FROM read_parquet(").append(literals(current)).append(")");
        }
        if (!changes.isEmpty()) {
            union(candidates).append("SELECT ").append(columns).append(", false AS _deleted, 1 AS _rank,")
                    .append(" regexp_extract(filename, '[^/]*$') AS _file, ").append(rowHash)
                    .append(" AS _h FROM read_parquet(").append(literals(changes)).append(", filename = true)");
        }
        if (!deletes.isEmpty()) {
            String tombstoneColumns = quoted(concat(table.naturalKey(),
                    Lineage.COLUMNS.stream().map(Column::name).toList()));
            union(candidates).append("SELECT ").append(tombstoneColumns)
                    .append(", true AS _deleted, 1 AS _rank, regexp_extract(filename, '[^/]*$') AS _file")
                    .append(" FROM read_parquet(").append(literals(deletes)).append(", filename = true)");
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge into " + table.name());
        }
        String byKey = "OVER (PARTITION BY " + keys + ")";
        String ranked = "OVER (PARTITION BY " + keys + " ORDER BY " + Lineage.SOURCE_UPDATED_AT + " DESC NULLS LAST,"
                + " _rank DESC, _file DESC, " + Lineage.SOURCE_LINE + " DESC)";
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE ranked AS SELECT *, row_number() " + ranked + " AS _winner,"
                    + " first_value(_rank) " + ranked + " AS _winner_rank,"
                    + " first_value(_file) " + ranked + " AS _winner_file,"
                    + " first_value(" + Lineage.SOURCE_UPDATED_AT + ") " + ranked + " AS _winner_at,"
                    + " bool_or(_rank = 0) " + byKey + " AS _existed,"
                    + " max(CASE WHEN _rank = 0 THEN _h END) " + byKey + " AS _stored_h"
                    + " FROM (" + candidates + ")");
            UpsertResult result;
            try (ResultSet rs = statement.executeQuery("SELECT"
                    + " count(*) FILTER (WHERE _winner = 1 AND NOT _deleted AND _rank = 1 AND NOT _existed),"
                    + " count(*) FILTER (WHERE _winner = 1 AND NOT _deleted AND _rank = 1 AND _existed),"
                    + " count(*) FILTER (WHERE _winner = 1 AND _deleted AND _existed),"
                    + " count(*) FILTER (WHERE _winner = 1 AND NOT _deleted)"
                    + " FROM ranked")) {
                rs.next();
                result = new UpsertResult(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        changeFiles(statement));
            }
            SpillingDuckDb.copyToParquet(statement, "SELECT " + columns + " FROM ranked WHERE _winner = 1 AND NOT"
                    + " _deleted ORDER BY " + keys, out);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot merge changes into " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /** Per change file (by file name), what its rows did; see {@link FileChanges}. */
    private static List<FileChanges> changeFiles(Statement statement) throws SQLException {
        List<FileChanges> files = new java.util.ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT _file,"
                + " count(*) FILTER (WHERE _winner = 1 AND NOT _deleted AND NOT _existed),"
                + " count(*) FILTER (WHERE _winner = 1 AND NOT _deleted AND _existed AND _h IS DISTINCT FROM _stored_h),"
                + " count(*) FILTER (WHERE _winner = 1 AND NOT _deleted AND _existed AND _h = _stored_h),"
                + " count(*) FILTER (WHERE _winner = 1 AND _deleted AND _existed),"
                + " count(*) FILTER (WHERE _winner > 1 AND _winner_rank = 0),"
                + " count(*) FILTER (WHERE _winner > 1 AND _winner_rank = 1),"
                + " count(*) FILTER (WHERE _winner > 1 AND _winner_rank = 1 AND _winner_file <> _file AND "
                + Lineage.SOURCE_UPDATED_AT + " IS NOT DISTINCT FROM _winner_at),"
                + " string_agg(DISTINCT _winner_file, ', ' ORDER BY _winner_file) FILTER (WHERE _winner > 1"
                + " AND _winner_rank = 1 AND _winner_file <> _file)"
                + " FROM ranked WHERE _rank = 1 GROUP BY _file ORDER BY _file")) {
            while (rs.next()) {
                files.add(new FileChanges(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9)));
            }
        }
        return files;
    }

    /**
     * @param inserted keys that were not in the table
     * @param updated  keys whose row a change replaced
     * @param deleted  keys a tombstone removed
     * @param rows     rows of the merged table
     * @param files    per change file, what its rows did
     */
    public record UpsertResult(long inserted, long updated, long deleted, long rows, List<FileChanges> files) {
        public UpsertResult {
            files = List.copyOf(files);
        }
    }

    /**
     * What one change file's rows (and deletes) did to the table.
     *
     * @param file            the file's name
     * @param inserted        rows whose key was new
     * @param replaced        rows that replaced the stored row of their key with other values
     * @param unchanged       rows that won but hold the stored row's values (lineage aside)
     * @param deleted         deletes that removed a stored key
     * @param olderThanStored rows (or deletes) that lost to a stored row modified later
     * @param superseded      rows (or deletes) that lost to another change of the same merge: a newer
     *                        one, or on equal modification time one of a later file or line
     * @param tiedWithLaterFile of those, the ones that lost only because another file came later
     *                        (the same modification time)
     * @param supersededBy    the files whose rows won over this file's, or null
     */
    public record FileChanges(String file, long inserted, long replaced, long unchanged, long deleted,
                              long olderThanStored, long superseded, long tiedWithLaterFile, String supersededBy) {
    }

    private Connection open() throws SQLException {
        return SpillingDuckDb.open(tempDirectory, memoryLimit);
    }

    private static StringBuilder union(StringBuilder sql) {
        return sql.isEmpty() ? sql : sql.append(" UNION ALL BY NAME ");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
