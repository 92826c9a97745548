package io.salesops.app.bench;

import io.salesops.ingest.csv.ExportLayout;
import io.salesops.ingest.csv.ExportReader;
import io.salesops.ingest.csv.SourceRecord;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * What the two libraries the ingest must use cost on their own for one export: Commons CSV
 * parsing the file (with the ingest's own reader and format) and parquet-java writing the table's
 * curated rows (with the ingest's own writer settings), each on every core at once, with no
 * mapping, typing, deduplication, quarantine or reference check in between. No ingest built on
 * these two libraries can load that file faster on this machine, so the figure says how far a
 * speed target is from what the stack allows.
 *
 * <p>Both halves run warm: the benchmark measures them after the ingest job, whose threads have
 * compiled the same code. The write half cycles through a sample of the curated rows, so its
 * columns repeat more than the real ones; both choices make the floor faster, never slower.
 */
public final class LibraryFloor {

    /** Curated rows held in memory for the write half; repeated to the file's row count. */
    static final int SAMPLE_ROWS = 100_000;

    /**
     * One export's floor.
     *
     * @param rows         data records in the export, parsed (and written) once per thread
     * @param threads      threads parsing, then writing, at once
     * @param parseSeconds wall time of every thread parsing the whole file
     * @param writeSeconds wall time of every thread writing {@code rows} curated rows
     */
    public record Result(String table, long rows, int threads, double parseSeconds, double writeSeconds) {

        public double parseRowsPerSecond() {
            return threads * rows / parseSeconds;
        }

        public double writeRowsPerSecond() {
            return threads * rows / writeSeconds;
        }

        /** Parsing and writing each row, on all the threads: their costs per row add up. */
        public double rowsPerSecond() {
            return 1 / (1 / parseRowsPerSecond() + 1 / writeRowsPerSecond());
        }

        /** The least time loading this file's rows can take on these threads. */
        public double seconds() {
            return rows / rowsPerSecond();
        }
    }

    private LibraryFloor() {
    }

    /**
     * @param export  the export file, as the ingest read it
     * @param table   its canonical table
     * @param curated the table's curated Parquet files, as the ingest wrote them
     * @param work    scratch folder for the written files (deleted afterwards)
     */
    static Result measure(Path export, TableDefinition table, List<Path> curated, Path work, int threads)
            throws Exception {
        ExportLayout layout = ExportReader.inspect(export, null);
        List<Object[]> sample = sample(table, curated);
        if (sample.isEmpty()) {
            throw new IllegalStateException(table.name() + " has no curated rows to write");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Long> parsed = all(pool, threads, thread -> () -> parse(export, layout));
            double parseSeconds = (System.nanoTime() - started) / 1e9;
            long rows = parsed.get(0);
            if (parsed.stream().anyMatch(n -> n != rows)) {
                throw new IllegalStateException("threads parsing " + export + " read different counts: " + parsed);
            }
            Files.createDirectories(work);
            List<Path> outputs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                outputs.add(work.resolve(table.name() + "-floor-" + t + ".parquet"));
            }
            started = System.nanoTime();
            List<Long> written;
            try {
                written = all(pool, threads, thread -> () -> write(outputs.get(thread), table, sample, rows));
            } finally {
                for (Path output : outputs) {
                    Files.deleteIfExists(output);
                }
            }
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            if (written.stream().anyMatch(n -> n != rows)) {
                throw new IllegalStateException("threads writing " + table.name() + " wrote " + written
                        + " rows, expected " + rows + " each");
            }
            return new Result(table.name(), rows, threads, parseSeconds, writeSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every field of every record read, as the ingest's reader hands them out; returns the records. */
    private static long parse(Path export, ExportLayout layout) throws IOException {
        long records = 0;
        long chars = 0;
        try (ExportReader reader = new ExportReader(export, layout, export.getFileName().toString())) {
            for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
                for (int i = 0; i < r.record().size(); i++) {
                    chars += r.record().get(i).length();
                }
                records++;
            }
        }
        if (records > 0 && chars == 0) {
            throw new IllegalStateException(export + " parsed to empty fields only");
        }
        return records;
    }

    /** {@code rows} rows into the file, cycling through the sample; returns the rows written. */
    private static long write(Path output, TableDefinition table, List<Object[]> sample, long rows)
            throws IOException {
        try (ParquetRowWriter writer = new ParquetRowWriter(output, table.name(), table.storedColumns(),
                Set.copyOf(table.naturalKey()))) {
            for (long i = 0; i < rows; i++) {
                writer.write(sample.get((int) (i % sample.size())));
            }
            return writer.rows();
        }
    }

    /**
     * Runs each thread's task (by thread index) at once and waits for all, even when one fails, so
     * no task still writes when the caller cleans up; then throws the first failure.
     */
    private static List<Long> all(ExecutorService pool, int threads, IntFunction<Callable<Long>> task)
            throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(task.apply(t)));
        }
        List<Long> results = new ArrayList<>();
        Exception failure = null;
        for (Future<Long> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /**
     * Up to {@link #SAMPLE_ROWS} curated rows in the values the Parquet writer takes (String, Long,
     * BigDecimal, LocalDate, Instant, Boolean), read back with DuckDB.
     */
    static List<Object[]> sample(TableDefinition table, List<Path> curated) throws SQLException {
        List<Column> columns = table.storedColumns();
        String select = columns.stream().map(LibraryFloor::selectExpression).collect(Collectors.joining(", "));
        String files = SpillingDuckDb.literals(curated);
        List<Object[]> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rs = sql.executeQuery("SELECT " + select + " FROM read_parquet(" + files + ") LIMIT "
                     + SAMPLE_ROWS)) {
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(rs, i + 1, columns.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Dates and instants come back as numbers, so no JDBC date or time-zone mapping is involved. */
    private static String selectExpression(Column column) {
        String name = SpillingDuckDb.quoted(column.name());
        return switch (column.type()) {
            case DATE -> "datediff('day', DATE '1970-01-01', " + name + ")";
            case TIMESTAMP -> "epoch_us(" + name + ")";
            default -> name;
        };
    }

    private static Object value(ResultSet rs, int index, Column column) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case STRING -> rs.getString(index);
            case LONG -> rs.getLong(index);
            case MONEY, QUANTITY, RATE -> rs.getBigDecimal(index);
            case DATE -> LocalDate.ofEpochDay(rs.getLong(index));
            case TIMESTAMP -> micros(rs.getLong(index));
            case BOOLEAN -> rs.getBoolean(index);
        };
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
