package io.salesops.app.bench;

import io.salesops.app.context.AppContext;
import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.warehouse.store.FileTrees;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

/**
 * Times the real ingest job on a folder of exports, in a data directory of its own, and then
 * DuckDB's CSV → Parquet copy of the same files in the same process.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    /**
     * @param exports  folder of exports (e.g. written by the generator)
     * @param runDir   scratch data directory; emptied first
     * @param floor    the tables whose export's {@link LibraryFloor} is measured after the job
     */
    public static IngestBenchResult run(Path exports, Path runDir, Predicate<String> floor) throws Exception {
        FileTrees.deleteIfExists(runDir);
        Files.createDirectories(runDir);
        List<Path> files = LandingIngest.exportFiles(exports);
        Recorder recorder = new Recorder();
        long jobNanos;
        long peakUsed;
        long peakLive;
        List<StepTime> steps;
        try (var context = AppContext.start(runDir)) {
            context.getBeanFactory().registerSingleton("benchProgress", recorder);
            Job job = context.getBean(IngestJobConfiguration.JOB_NAME, Job.class);
            try (HeapWatch heap = HeapWatch.start()) {
                long started = System.nanoTime();
                JobExecution execution = context.getBean(JobOperator.class).start(job, new JobParametersBuilder()
                        .addString("exports", exports.toAbsolutePath().normalize().toString())
                        .addLong("run", System.currentTimeMillis()).toJobParameters());
                jobNanos = System.nanoTime() - started;
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("the ingest job ended " + execution.getStatus() + ": "
                            + execution.getAllFailureExceptions());
                }
                peakUsed = heap.peakUsedBytes();
                peakLive = heap.peakLiveAfterGcBytes();
                steps = StepTime.of(execution);
            }
        }
        Map<Path, Charset> encodings = new LinkedHashMap<>();
        for (FileIngestResult result : recorder.results) {
            encodings.put(Path.of(result.file()).toAbsolutePath().normalize(), Charset.forName(result.charset()));
        }
        Path work = Files.createDirectories(runDir.resolve("duckdb"));
        Map<Path, Double> duckdb = DuckDbCopyBaseline.run(
                files.stream().map(p -> p.toAbsolutePath().normalize()).toList(), encodings, work);
        int cores = Runtime.getRuntime().availableProcessors();
        return new IngestBenchResult(List.copyOf(recorder.results), jobNanos / 1e9, duckdb, peakUsed, peakLive,
                HeapWatch.maxHeapBytes(), cores, steps, floors(recorder.results, floor, runDir, cores));
    }

    /** The floor of each file of a table asked for, against what the ingest just published. */
    private static List<LibraryFloor.Result> floors(List<FileIngestResult> files, Predicate<String> floor,
                                                    Path runDir, int threads) throws Exception {
        Warehouse warehouse = new Warehouse(new DataLayout(runDir).warehouse());
        List<LibraryFloor.Result> floors = new ArrayList<>();
        for (FileIngestResult file : files.stream().filter(f -> floor.test(f.table()))
                .sorted(java.util.Comparator.comparing(FileIngestResult::table)).toList()) {
            TableDefinition table = CanonicalTables.named(file.table());
            floors.add(LibraryFloor.measure(Path.of(file.file()), table,
                    warehouse.requireCurrent(table).parquetFiles(), runDir.resolve("floor"), threads));
        }
        return floors;
    }

    /** Collects every file's result; files finish on several threads. */
    private static final class Recorder implements IngestProgress {
        final List<FileIngestResult> results = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void fileFinished(FileIngestResult result) {
            results.add(result);
        }
    }

}
