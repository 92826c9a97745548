package io.salesops.warehouse.analyst;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.files.AtomicFile;
import io.salesops.warehouse.files.OwnerOnly;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The DuckDB files analysts open.
 *
 * <p>{@code analyst.duckdb} holds a table per published table (schema {@code main}), personal
 * data masked, copied into the file: it refers to no Parquet path, so whoever can open it sees
 * masked values only, whatever client they use and whatever else lives in the data directory.
 * {@code analyst-private.duckdb} (always owner-only) holds views over the same versions,
 * unmasked, in schema {@code private}. A refresh builds a new file beside the old one, created
 * with its final permissions, and renames it into place, so an analyst who has the old file
 * open keeps a consistent copy and a crash mid-refresh leaves the previous file intact.
 *
 * <p>Both files are written in DuckDB's storage format {@value #STORAGE_VERSION}, which current
 * stable clients (Python, R, the CLI of 1.4 and later) read, not the newer format this JDBC
 * driver writes by default.
 */
public final class AnalystDatabase {

    public static final String FILE_NAME = "analyst.duckdb";
    public static final String PRIVATE_FILE_NAME = "analyst-private.duckdb";
    /** DuckDB 1.4 (LTS) storage: Python's duckdb 1.5 refuses the 2.0 format ("can read 64-68"). */
    static final String STORAGE_VERSION = "v1.4.0";
    /** What a masked personal value shows: its first character, so analysts can still group. */
    static final String MASK = "***";

    private final Path file;
    private final Path privateFile;
    private final Optional<String> analystGroup;

    public AnalystDatabase(Path dataDirectory) {
        this(dataDirectory, Optional.empty());
    }

    /**
     * @param analystGroup a Unix group whose members may read {@code analyst.duckdb} (and only
     *                     that file); empty keeps it owner-only like everything else
     */
    public AnalystDatabase(Path dataDirectory, Optional<String> analystGroup) {
        this.file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        this.privateFile = dataDirectory.resolve(PRIVATE_FILE_NAME).toAbsolutePath();
        this.analystGroup = analystGroup;
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
        List<String> masked = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            masked.add(AnalystSql.maskedTable(definitions.get(i), published.get(i), definitions));
            views.add(AnalystSql.view("private", definitions.get(i), published.get(i)));
        }
        masked.add(AnalystSql.versionsTable("main", published));
        views.add(AnalystSql.versionsView("private", published));
        build(file, "main", masked);
        analystGroup.ifPresent(group -> OwnerOnly.shareWithGroup(file, group));
        build(privateFile, "private", views);
        return published.stream().map(TableVersion::table).toList();
    }

    /** Runs one read-only statement against {@code analyst.duckdb}, sandboxed by DuckDB itself. */
    public QueryResult query(String sql, int maxRows) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no analyst database at " + file + "; run a job that publishes first");
        }
        return AnalystQuery.run(file, sql, maxRows);
    }

    /**
     * Creates the file at a temporary name with its final (owner-only) permissions, fills it
     * through an in-memory connection that attaches it in the older storage format, and moves it
     * into place.
     */
    private static void build(Path target, String schema, List<String> statements) {
        AtomicFile.replaceCreatedBy(target, temp -> {
                        Path wal = temp.resolveSibling(temp.getFileName() + ".wal");
            Files.deleteIfExists(wal);
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("ATTACH " + AnalystSql.literal(temp.toString()) + " AS analyst (STORAGE_VERSION "
                        + AnalystSql.literal(STORAGE_VERSION) + ")");
                statement.execute("USE analyst");
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                for (String sql : statements) {
                    statement.execute(sql);
                }
                statement.execute("USE memory");
                statement.execute("DETACH analyst"); // checkpoints: everything is in the file, no WAL left
            } catch (SQLException e) {
                throw new IllegalStateException("cannot build " + target + ": "
                        + AnalystQuery.firstLine(e.getMessage()), e);
            }
            Files.deleteIfExists(wal);
        });
    }
}
