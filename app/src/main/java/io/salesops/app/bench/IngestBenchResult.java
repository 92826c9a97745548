package io.salesops.app.bench;

import io.salesops.ingest.csv.FileIngestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the ingest benchmark measured.
 *
 * @param files          every file's result from the ingest job
 * @param jobSeconds     wall time of the whole ingest job (stage, publish, analyst refresh)
 * @param duckdbSeconds  DuckDB's CSV → Parquet copy time per file
 * @param peakHeapUsed   peak heap in use during the job (sampled, see {@link HeapWatch})
 * @param peakHeapLive   peak heap live after a collection during the job
 * @param steps          the job's steps and their wall times
 * @param floors         for the files asked for, what Commons CSV and parquet-java alone take ({@link LibraryFloor})
 */
public record IngestBenchResult(List<FileIngestResult> files, double jobSeconds, Map<Path, Double> duckdbSeconds,
                                long peakHeapUsed, long peakHeapLive, long maxHeap, int cores,
                                List<StepTime> steps, List<LibraryFloor.Result> floors) {

    /** Per table: rows read, seconds loading its files (one thread per file), DuckDB seconds. */
    public record TableLine(String table, long rows, double seconds, double duckdbSeconds) {
        public double rowsPerSecond() {
            return seconds == 0 ? 0 : rows / seconds;
        }
    }

    public List<TableLine> tables() {
        Map<String, TableLine> lines = new TreeMap<>();
        for (FileIngestResult file : files) {
            double duck = duckdbSeconds.getOrDefault(Path.of(file.file()).toAbsolutePath().normalize(), 0.0);
            lines.merge(file.table(), new TableLine(file.table(), file.rowsRead(), file.millis() / 1000.0, duck),
                    (a, b) -> new TableLine(a.table(), a.rows() + b.rows(), a.seconds() + b.seconds(),
                            a.duckdbSeconds() + b.duckdbSeconds()));
        }
        return lines.values().stream().sorted((a, b) -> Long.compare(b.rows(), a.rows())).toList();
    }

    public long rows() {
        return files.stream().mapToLong(FileIngestResult::rowsRead).sum();
    }

    public double duckdbTotalSeconds() {
        return duckdbSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double ratio() {
        return jobSeconds / duckdbTotalSeconds();
    }

    /** The least time the measured files can take with the two libraries alone, summed over them. */
    public double floorSeconds() {
        return floors.stream().mapToDouble(LibraryFloor.Result::seconds).sum();
    }

    /** DuckDB's time for the files whose floor was measured. */
    public double floorDuckdbSeconds() {
        java.util.Set<String> tables = floors.stream().map(LibraryFloor.Result::table)
                .collect(java.util.stream.Collectors.toSet());
        return tables().stream().filter(t -> tables.contains(t.table())).mapToDouble(TableLine::duckdbSeconds).sum();
    }
}
