package io.salesops.app.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference the ingest benchmark compares with: DuckDB's own CSV reader writing each export
 * to Parquet ({@code COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)}), with DuckDB's
 * defaults (type sniffing, all cores), no validation, no deduplication.
 *
 * <p>DuckDB reads only UTF-8 and Latin-1 without its encodings extension, which cannot be fetched
 * offline; exports in another encoding (the GBK ERP export) are converted to UTF-8 first, outside
 * the timed section, which favours DuckDB.
 */
final class DuckDbCopyBaseline {

    private DuckDbCopyBaseline() {
    }

    /** Seconds per export file, in the files' order. */
    static Map<Path, Double> run(List<Path> files, Map<Path, Charset> encodings, Path workDir) {
        Map<Path, Double> seconds = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            int index = 0;
            for (Path file : files) {
                Path input = utf8(file, encodings.getOrDefault(file, StandardCharsets.UTF_8),
                        workDir.resolve("utf8-" + index + ".csv"));
                Path output = workDir.resolve("duckdb-" + index++ + ".parquet");
                long started = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("COPY (SELECT * FROM read_csv(" + literal(input) + ", header = true)) TO "
                            + literal(output) + " (FORMAT parquet)");
                }
                seconds.put(file, (System.nanoTime() - started) / 1e9);
                Files.deleteIfExists(output);
                if (!input.equals(file)) {
                    Files.deleteIfExists(input);
                }
            }
            return seconds;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not copy the exports: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path utf8(Path file, Charset charset, Path converted) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return file;
        }
        try (Reader in = Files.newBufferedReader(file, charset);
             Writer out = Files.newBufferedWriter(converted, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        return converted;
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
