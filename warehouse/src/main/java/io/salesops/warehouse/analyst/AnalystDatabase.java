package io.salesops.warehouse.analyst;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.files.AtomicFile;
import io.salesops.warehouse.files.OwnerOnly;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The masked database's record of what each table was built from (statement hashes only). */
    static final String REFRESH_STATE = "analyst_refresh_state";

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
        Map<String, String> masked = new LinkedHashMap<>();
        List<String> views = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            masked.put(definitions.get(i).name(), AnalystSql.maskedTable(definitions.get(i), published.get(i),
                    definitions));
            views.add(AnalystSql.view("private", definitions.get(i), published.get(i)));
        }
        views.add(AnalystSql.versionsView("private", published));
        buildMasked(file, masked, AnalystSql.versionsTable("main", published));
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
     * The masked database, copying only what changed. Each table's statement (its version's files
     * and the masking rules, as SQL) is remembered by its SHA-256 in {@value #REFRESH_STATE}; a
     * refresh starts from a copy of the current file and creates again only the tables whose
     * statement differs, drops the ones no longer published, and renames the copy into place, so
     * an analyst never sees a half-refreshed file. Why: a commission run changes a few marts, and
     * copying every canonical table again took most of its refresh. A file without that table
     * (another release's) is built whole.
     */
    private static void buildMasked(Path target, Map<String, String> tables, String versions) {
        AtomicFile.replaceCreatedBy(target, temp -> {
            boolean reuse = Files.isRegularFile(target) && !Files.exists(target.resolveSibling(target.getFileName()
                    + ".wal"));
            if (reuse) {
                Files.copy(target, temp, StandardCopyOption.COPY_ATTRIBUTES);
            }
            fill(target, temp, statement -> {
                Map<String, String> previous = reuse ? attachCopy(statement, temp) : Map.of();
                if (previous.isEmpty()) {
                    Files.deleteIfExists(temp);
                    attachNew(statement, temp);
                }
                statement.execute("USE analyst");
                List<String> existing = tableNames(statement);
                for (String table : existing) {
                    if (!tables.containsKey(table) || !sha256(tables.get(table)).equals(previous.get(table))) {
                        statement.execute("DROP TABLE main." + AnalystSql.quote(table));
                    }
                }
                StringBuilder state = new StringBuilder();
                for (Map.Entry<String, String> table : tables.entrySet()) {
                    String hash = sha256(table.getValue());
                    if (!existing.contains(table.getKey()) || !hash.equals(previous.get(table.getKey()))) {
                        statement.execute(table.getValue());
                    }
                    state.append(state.isEmpty() ? "" : ", ").append("(").append(AnalystSql.literal(table.getKey()))
                            .append(", ").append(AnalystSql.literal(hash)).append(")");
                }
                statement.execute(versions);
                statement.execute("CREATE TABLE main." + REFRESH_STATE + " (table_name VARCHAR, statement_sha256 VARCHAR)");
                if (!state.isEmpty()) {
                    statement.execute("INSERT INTO main." + REFRESH_STATE + " VALUES " + state);
                }
            });
        });
    }

    /** What the copied file says it was built from, table → statement hash; empty when it cannot tell. */
    private static Map<String, String> attachCopy(Statement statement, Path copy) throws SQLException {
        statement.execute("ATTACH " + AnalystSql.literal(copy.toString()) + " AS analyst");
        Map<String, String> previous = new HashMap<>();
        boolean known;
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE database_name ="
                + " 'analyst' AND schema_name = 'main' AND table_name = '" + REFRESH_STATE + "'")) {
            rs.next();
            known = rs.getLong(1) == 1;
        }
        if (known) {
            try (ResultSet rs = statement.executeQuery("SELECT table_name, statement_sha256 FROM analyst.main."
                    + REFRESH_STATE)) {
                while (rs.next()) {
                    previous.put(rs.getString(1), rs.getString(2));
                }
            }
            statement.execute("DROP TABLE analyst.main." + REFRESH_STATE);
            statement.execute("DROP TABLE IF EXISTS analyst.main.warehouse_versions");
        }
        if (!known || previous.isEmpty()) {
            statement.execute("DETACH analyst");
            return Map.of();
        }
        return previous;
    }

    /** The tables of schema main of the attached analyst database, the bookkeeping ones aside. */
    private static List<String> tableNames(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name ="
                + " 'analyst' AND schema_name = 'main' AND table_name NOT IN ('" + REFRESH_STATE
                + "', 'warehouse_versions')")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String sha256(String text) {
        return io.salesops.warehouse.files.Sha256.of(text);
    }

    /**
     * Creates the file at a temporary name with its final (owner-only) permissions, fills it
     * through an in-memory connection that attaches it in the older storage format, and moves it
     * into place.
     */
    private static void build(Path target, String schema, List<String> statements) {
        AtomicFile.replaceCreatedBy(target, temp -> fill(target, temp, statement -> {
            attachNew(statement, temp);
            statement.execute("USE analyst");
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            for (String sql : statements) {
                statement.execute(sql);
            }
        }));
    }

    /** Work on the attached file {@code analyst}, through an in-memory connection. */
    private interface Fill {
        void fill(Statement statement) throws SQLException, java.io.IOException;
    }

    /** Runs {@code fill}, then detaches the file, which checkpoints it: no WAL is left beside it. */
    private static void fill(Path target, Path temp, Fill fill) throws java.io.IOException {
        Path wal = temp.resolveSibling(temp.getFileName() + ".wal");
        Files.deleteIfExists(wal);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            fill.fill(statement);
            statement.execute("USE memory");
            statement.execute("DETACH analyst");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build " + target + ": " + AnalystQuery.firstLine(e.getMessage()), e);
        }
        Files.deleteIfExists(wal);
    }

    /** A new file in the older storage format. */
    private static void attachNew(Statement statement, Path file) throws SQLException {
        statement.execute("ATTACH " + AnalystSql.literal(file.toString()) + " AS analyst (STORAGE_VERSION "
                + AnalystSql.literal(STORAGE_VERSION) + ")");
    }
}
