package io.salesops.warehouse.analyst;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The DuckDB files analysts open: views over the current version of every published table.
 *
 * <p>{@code analyst.duckdb} holds the views in schema {@code main}, with personal data masked.
 * {@code analyst-private.duckdb} (owner-only file permissions) holds the same views unmasked in
 * schema {@code private}. A refresh builds a new file beside the old one and renames it into
 * place, so an analyst who has the old file open keeps a consistent view and a crash mid-refresh
 * leaves the previous file intact.
 */
public final class AnalystDatabase {

    public static final String FILE_NAME = "analyst.duckdb";
    public static final String PRIVATE_FILE_NAME = "analyst-private.duckdb";

    private final Path file;
    private final Path privateFile;

    public AnalystDatabase(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        this.privateFile = dataDirectory.resolve(PRIVATE_FILE_NAME).toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** Rebuilds both files from the warehouse's current versions; returns the tables exposed. */
    public List<String> refresh(Warehouse warehouse, Collection<TableDefinition> tables) {
        List<TableVersion> published = new ArrayList<>();
        List<TableDefinition> definitions = new ArrayList<>();
        for (TableDefinition table : tables) {
            warehouse.current(table).ifPresent(version -> {
                published.add(version);
                definitions.add(table);
            });
        }
        build(file, "main", definitions, published, true);
        build(privateFile, "private", definitions, published, false);
        restrictToOwner(privateFile);
        return published.stream().map(TableVersion::table).toList();
    }

    /** Runs one read-only statement against {@code analyst.duckdb}. */
    public QueryResult query(String sql, int maxRows) {
        String statement = ReadOnlySql.requireReadOnly(sql);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no analyst database at " + file + "; run a job that publishes first");
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
             Statement jdbc = connection.createStatement();
             ResultSet resultSet = jdbc.executeQuery(statement)) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (resultSet.next() && rows.size() < maxRows) {
                List<String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    Object value = resultSet.getObject(i);
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
            return new QueryResult(columns, rows);
        } catch (SQLException e) {
            throw new IllegalArgumentException("query failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static void build(Path target, String schema, List<TableDefinition> definitions,
                              List<TableVersion> versions, boolean mask) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temp);
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".wal"));
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + temp);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                for (int i = 0; i < versions.size(); i++) {
                    statement.execute(viewSql(schema, definitions.get(i), versions.get(i), mask));
                }
                statement.execute(versionsViewSql(schema, versions));
                statement.execute("CHECKPOINT");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build " + target + ": " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    static String viewSql(String schema, TableDefinition table, TableVersion version, boolean mask) {
        String view = "CREATE OR REPLACE VIEW " + schema + "." + quote(table.name()) + " AS SELECT ";
        if (version.parquetFiles().isEmpty()) {
            // A published version can be empty (a quarantine without rejects); keep the columns.
            return view + table.storedColumns().stream()
                    .map(column -> "NULL::" + column.type().sqlType() + " AS " + quote(column.name()))
                    .collect(Collectors.joining(", ")) + " WHERE false";
        }
        String columns = table.storedColumns().stream()
                .map(column -> mask && column.pii() ? masked(column) : quote(column.name()))
                .collect(Collectors.joining(", "));
        // by name: a version may hold files written before a column was added (a mart carries its
        // other partitions over as they were written); by default DuckDB takes the first file's
        // columns and then fails on, or silently drops, a column the others have
        return view + columns + " FROM read_parquet(" + literal(version.parquetGlob()) + ", union_by_name = true)";
    }

    private static String versionsViewSql(String schema, List<TableVersion> versions) {
        if (versions.isEmpty()) {
            return "CREATE OR REPLACE VIEW " + schema + ".warehouse_versions AS SELECT NULL::VARCHAR AS table_name,"
                    + " NULL::INTEGER AS version, NULL::VARCHAR AS batch_id, NULL::TIMESTAMPTZ AS created_at,"
                    + " NULL::BIGINT AS row_count WHERE false";
        }
        String rows = versions.stream().map(v -> "(" + literal(v.table()) + ", " + v.version() + ", "
                + literal(v.batchId()) + ", " + literal(v.createdAt().toString()) + "::TIMESTAMPTZ, " + v.rowCount()
                + ")").collect(Collectors.joining(", "));
        return "CREATE OR REPLACE VIEW " + schema + ".warehouse_versions AS SELECT * FROM (VALUES " + rows
                + ") AS t(table_name, version, batch_id, created_at, row_count)";
    }

    /** Keeps the first character so analysts can still group and eyeball, hides the rest. */
    private static String masked(Column column) {
        String name = quote(column.name());
        return "CASE WHEN " + name + " IS NULL THEN NULL ELSE left(" + name + ", 1) || '***' END AS " + name;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Non-POSIX file systems keep their default ACLs; nothing to tighten there.
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
