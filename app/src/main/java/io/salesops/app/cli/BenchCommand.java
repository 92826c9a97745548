package io.salesops.app.cli;

import io.salesops.app.bench.IngestBenchResult;
import io.salesops.app.bench.IngestBenchmark;
import io.salesops.app.bench.LibraryFloor;
import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.warehouse.DataLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks that check the speed and memory targets; method and results are in docs/performance.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Commissions.class, BenchCommand.Funnels.class})
final class BenchCommand {

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest generated exports with the real ingest job and compare with DuckDB's"
                    + " read_csv -> Parquet COPY of the same files. Uses <data-dir>/bench; the warehouse is untouched.")
    static final class Ingest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption data;

        @Option(names = "--scale", defaultValue = "1",
                description = "Generator scale; 1 is about 20 M rows (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--single-file-gb", paramLabel = "GB",
                description = "Instead, ingest one export of this size (the activities export repeated with"
                        + " distinct ids), to check memory stays flat; run with JAVA_OPTS=-Xmx1g.")
        Double singleFileGb;

        @Option(names = "--floor", paramLabel = "TABLES", defaultValue = "opportunities", split = ",",
                description = "After the job, time Commons CSV parsing and parquet-java writing alone on every core"
                        + " for these tables' exports (comma-separated), the least any ingest on this stack can take;"
                        + " 'all' for every file, 'none' to skip (default: ${DEFAULT-VALUE}).")
        List<String> floor;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path bench = new DataLayout(data.dataDir()).root().resolve("bench");
            Path exports = exports(bench, scale, seed, out);
            Path input = exports;
            if (singleFileGb != null) {
                Path big = bench.resolve(String.format(Locale.ROOT, "single-file-%sgb", singleFileGb));
                out.printf("one %s GB export in %s (written unless already there)%n", singleFileGb, big);
                out.flush();
                io.salesops.app.bench.BigExport.write(exports.resolve("crm/activities.csv"),
                        big.resolve("activities.csv"), (long) (singleFileGb * (1L << 30)));
                input = big;
            }
            out.println("ingesting with the ingest job, then copying with DuckDB ...");
            out.flush();
            java.util.function.Predicate<String> floorTable = floor.contains("all") ? table -> true
                    : floor.contains("none") ? table -> false : floor::contains;
            print(IngestBenchmark.run(input, bench.resolve("run"), floorTable), out);
            return 0;
        }

        private static void print(IngestBenchResult r, PrintWriter out) {
            out.printf(Locale.ROOT, "%-28s %12s %9s %12s %10s%n", "table", "rows", "seconds", "rows/s", "duckdb s");
            for (IngestBenchResult.TableLine t : r.tables()) {
                out.printf(Locale.ROOT, "%-28s %,12d %9.2f %,12.0f %10.2f%n", t.table(), t.rows(), t.seconds(),
                        t.rowsPerSecond(), t.duckdbSeconds());
            }
            out.printf(Locale.ROOT, "%-28s %,12d rows in %d files, %d cores, max heap %s%n", "total", r.rows(),
                    r.files().size(), r.cores(), mb(r.maxHeap()));
            out.printf(Locale.ROOT, "ingest job, wall (stage + publish + analyst refresh): %8.2f s  %,.0f rows/s%n",
                    r.jobSeconds(), r.rows() / r.jobSeconds());
            out.println("  steps: " + io.salesops.app.bench.StepTime.describe(r.steps()));
            out.printf(Locale.ROOT, "DuckDB read_csv -> COPY parquet, sum over files:     %8.2f s%n",
                    r.duckdbTotalSeconds());
            out.printf(Locale.ROOT, "ratio ours / DuckDB:                                  %8.2f   (target <= 2.5)%n",
                    r.ratio());
            out.printf(Locale.ROOT, "peak heap in use (sampled): %s; peak live heap after a GC: %s"
                    + "   (target < 1024 MB)%n", mb(r.peakHeapUsed()), mb(r.peakHeapLive()));
            printFloors(r, out);
            out.flush();
        }

        private static void printFloors(IngestBenchResult r, PrintWriter out) {
            if (r.floors().isEmpty()) {
                return;
            }
            out.printf(Locale.ROOT, "library floor: Commons CSV parsing alone, then parquet-java writing curated rows"
                    + " alone, %d threads at once, no mapping or checks:%n", r.floors().get(0).threads());
            out.printf(Locale.ROOT, "  %-26s %12s %14s %14s %14s %9s%n", "table", "rows", "parse rows/s",
                    "write rows/s", "both rows/s", "floor s");
            for (LibraryFloor.Result f : r.floors()) {
                out.printf(Locale.ROOT, "  %-26s %,12d %,14.0f %,14.0f %,14.0f %9.2f%n", f.table(), f.rows(),
                        f.parseRowsPerSecond(), f.writeRowsPerSecond(), f.rowsPerSecond(), f.seconds());
            }
            out.printf(Locale.ROOT, "  floor of these %d files: %.2f s; DuckDB on them: %.2f s; floor / DuckDB: %.2f"
                    + "   (the ingest's target is <= 2.5 on all files, and >= 500,000 rows/s on opportunities)%n",
                    r.floors().size(), r.floorSeconds(), r.floorDuckdbSeconds(),
                    r.floorSeconds() / r.floorDuckdbSeconds());
        }

        private static String mb(long bytes) {
            return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
        }
    }

    @Command(name = "commissions", mixinStandardHelpOptions = true,
            description = "Run the commissions job for the last complete month of generated exports (ingested once,"
                    + " untimed) and the same base + tiered + split calculation as DuckDB SQL over the same Parquet;"
                    + " check they agree per rep to the cent. Uses <data-dir>/bench.")
    static final class Commissions implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption data;

        @Option(names = "--scale", defaultValue = "1",
                description = "Generator scale; 1 is about 2 M order lines and 500 reps (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--runs", defaultValue = "1",
                description = "Run the job this many times in one JVM: the first run is the target's figure, later"
                        + " ones show a long-lived process with its code compiled (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path bench = new DataLayout(data.dataDir()).root().resolve("bench");
            Path exports = exports(bench, scale, seed, out);
            Path run = bench.resolve(String.format(Locale.ROOT, "commissions-scale-%s-seed-%d", scale, seed));
            out.println("ingesting (first time only, untimed), then running the commissions job and the DuckDB"
                    + " reference ...");
            out.flush();
            io.salesops.app.bench.CommissionBenchmark.Result r = io.salesops.app.bench.CommissionBenchmark.run(exports,
                    run, runs);
            out.printf(Locale.ROOT, "period %s: %,d reps paid, %,d commission lines, %d cores, max heap %s%n",
                    r.period(), r.reps(), r.lines(), r.cores(), Ingest.mb(r.maxHeap()));
            out.printf(Locale.ROOT, "commissions job, wall (calculate + publish + PDFs + analyst refresh): %8.2f s%n",
                    r.jobSeconds());
            out.println("  steps: " + io.salesops.app.bench.StepTime.describe(r.steps()));
            for (int i = 0; i < r.laterRuns().size(); i++) {
                var later = r.laterRuns().get(i);
                out.printf(Locale.ROOT, "  run %d in the same JVM: %.2f s; steps: %s%n", i + 2, later.seconds(),
                        io.salesops.app.bench.StepTime.describe(later.steps()));
            }
            out.printf(Locale.ROOT, "DuckDB SQL reference (base + tiered + splits, same Parquet):       %8.2f s%n",
                    r.duckdbSeconds());
            out.printf(Locale.ROOT, "ratio ours / DuckDB: %.2f%n", r.jobSeconds() / r.duckdbSeconds());
            out.printf(Locale.ROOT, "peak heap in use (sampled): %s; peak live heap after a GC: %s   (target <= 2048 MB)%n",
                    Ingest.mb(r.peakUsed()), Ingest.mb(r.peakLive()));
            out.printf(Locale.ROOT, "earned: job %s, reference %s; reps that differ: %d%n",
                    r.jobTotal().toPlainString(), r.referenceTotal().toPlainString(), r.differences().size());
            r.differences().entrySet().stream().limit(10).forEach(d -> out.printf("  %s: %s%n", d.getKey(), d.getValue()));
            out.flush();
            return r.differences().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "funnels", mixinStandardHelpOptions = true,
            description = "Run the funnels job for a period of generated exports (ingested once, untimed) and"
                    + " funnel_conversion (dimensions all and source) and win_rates as DuckDB SQL written from the"
                    + " funnel rules, over the Parquet the job read; check they agree row for row. Uses <data-dir>/bench.")
    static final class Funnels implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption data;

        @Option(names = "--scale", defaultValue = "1", description = "Generator scale; 1 is about 1 M opportunities"
                + " and 3 M leads (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
                description = "The period (default: the last complete month as of the exports' last month, as for"
                        + " bench commissions).")
        java.time.YearMonth period;

        @Option(names = "--show-differences", paramLabel = "N", defaultValue = "10",
                description = "Print at most this many differing rows of each mart (default: ${DEFAULT-VALUE}).")
        int shown;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path bench = new DataLayout(data.dataDir()).root().resolve("bench");
            Path exports = exports(bench, scale, seed, out);
            Path run = bench.resolve(String.format(Locale.ROOT, "funnels-scale-%s-seed-%d", scale, seed));
            out.println("ingesting (first time only, untimed), then running the funnels job and the DuckDB"
                    + " reference ...");
            out.flush();
            io.salesops.app.bench.FunnelBenchmark.Result r = io.salesops.app.bench.FunnelBenchmark.run(exports, run,
                    period, shown);
            out.printf(Locale.ROOT, "period %s: %s; %d cores, max heap %s%n", r.period(), String.join(", ",
                    r.sizes().entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(),
                            e.getKey())).toList()), r.cores(), Ingest.mb(r.maxHeap()));
            out.printf(Locale.ROOT, "funnels job, wall (compute + publish + analyst refresh): %8.2f s%n",
                    r.jobSeconds());
            out.println("  steps: " + io.salesops.app.bench.StepTime.describe(r.steps()));
            out.printf(Locale.ROOT, "DuckDB SQL reference (funnel_conversion all + source, win_rates, same Parquet):"
                    + " %8.2f s%n", r.duckdbSeconds());
            out.printf(Locale.ROOT, "ratio ours / DuckDB: %.2f%n", r.jobSeconds() / r.duckdbSeconds());
            out.printf(Locale.ROOT, "peak heap in use (sampled): %s; peak live heap after a GC: %s   (target <= 2048 MB)%n",
                    Ingest.mb(r.peakUsed()), Ingest.mb(r.peakLive()));
            for (var c : List.of(r.conversion(), r.winRates())) {
                out.printf(Locale.ROOT, "%s (%s): job %,d rows, reference %,d rows; ", c.table(),
                        String.join(", ", c.dimensions()), c.jobRows(), c.referenceRows());
                if (c.agrees()) {
                    out.printf(Locale.ROOT, "agree: %,d rows%n", c.agreeing());
                } else {
                    out.printf(Locale.ROOT, "DISAGREE: %,d rows differ, %,d agree%s%n", c.differing(),
                            c.agreeing(), c.differences().isEmpty() ? "" : "; first ones:");
                    c.differences().forEach(d -> out.println("  " + d));
                }
            }
            out.flush();
            return r.agrees() ? 0 : 1;
        }
    }

    /** The generated exports of this scale and seed under {@code bench}, generated unless already there. */
    static Path exports(Path bench, double scale, long seed, PrintWriter out) throws java.io.IOException {
        Path exports = bench.resolve(String.format(Locale.ROOT, "exports-scale-%s-seed-%d", scale, seed));
        if (!Files.exists(exports.resolve("manifest.json"))) {
            out.printf("generating exports (scale %s, seed %d) into %s%n", scale, seed, exports);
            out.flush();
            GenerateCommand.generate(new GeneratorSettings(scale, seed, GeneratorSettings.DEFAULT_MONTHS,
                    GeneratorSettings.DEFAULT_END_MONTH), exports);
        }
        return exports;
    }
}
