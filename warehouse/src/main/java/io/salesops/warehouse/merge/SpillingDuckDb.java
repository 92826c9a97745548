package io.salesops.warehouse.merge;

import io.salesops.warehouse.files.AtomicFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * In-memory DuckDB connections for set work on Parquet that must not grow the heap: DuckDB keeps
 * to its memory limit and spills to a temporary directory. Times are UTC, as in the warehouse.
 * Also the SQL quoting such work needs.
 */
public final class SpillingDuckDb {

    private SpillingDuckDb() {
    }

    /**
     * @param tempDirectory where DuckDB may spill (created when needed)
     * @param memoryLimit   DuckDB's memory limit, e.g. "1GB"
     */
    public static Connection open(Path tempDirectory, String memoryLimit) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = " + literal(memoryLimit));
            statement.execute("SET temp_directory = " + literal(tempDirectory));
            statement.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Writes a query's rows to a Parquet file, atomically: DuckDB writes an owner-only temporary
     * beside {@code target}, which is then renamed over it, so a reader or a crash never meets a
     * half-written part. {@code target} may be one of the query's own inputs.
     */
    public static void copyToParquet(Statement statement, String query, Path target) {
        AtomicFile.replace(target, temporary -> statement.execute("COPY (" + query + ") TO " + literal(temporary)
                + " (FORMAT parquet, COMPRESSION snappy)"));
    }

    /** A string literal. */
    public static String literal(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** A list of file names, as read_parquet takes them. */
    public static String literals(List<Path> files) {
        return files.stream().map(SpillingDuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** An identifier. */
    public static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Identifiers, comma-separated. */
    public static String quoted(List<String> names) {
        return names.stream().map(SpillingDuckDb::quoted).collect(Collectors.joining(", "));
    }
}
