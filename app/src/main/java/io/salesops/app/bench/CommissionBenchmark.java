package io.salesops.app.bench;

import io.salesops.app.context.AppContext;
import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.commission.run.CommissionsJobConfiguration;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.schedules.PeriodRule;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationContext;

/**
 * Times the commissions job for one period on generated exports (ingested first, untimed, into a
 * data directory of its own), with a bench plan of a base rate and marginal tiers on cash basis,
 * and then the same calculation written as DuckDB SQL over the same Parquet, comparing the two per
 * rep to the cent.
 */
public final class CommissionBenchmark {

    static final BigDecimal BASE_RATE = new BigDecimal("0.015");
    static final BigDecimal TIER_BOUND = new BigDecimal("300000");
    static final BigDecimal TIER1_RATE = new BigDecimal("0.005");
    static final BigDecimal TIER2_RATE = new BigDecimal("0.01");

    /**
     * What one benchmark run measured: the first run of the job in a fresh JVM (the target's figure)
     * and, when asked for, the same job run again in the same JVM ({@code laterRuns}).
     */
    public record Result(String period, double jobSeconds, long peakUsed, long peakLive, long maxHeap,
            double duckdbSeconds, int reps, int lines, BigDecimal jobTotal, BigDecimal referenceTotal,
            Map<String, String> differences, int cores, List<StepTime> steps, List<JobRun> laterRuns) {
    }

    /** One more run of the job in the JVM that already ran it: its wall time and its steps'. */
    public record JobRun(double seconds, List<StepTime> steps) {
    }

    /**
     * The benchmark runs as if on the first day of its exports' last month: the day a month-end run
     * closes the month before it, which the default period rule then names (2025-11 for the
     * generator's default window ending 2025-12), so every run measures the same month.
     */
    static final Clock AS_OF = Clock.fixed(GeneratorSettings.DEFAULT_END_MONTH.atDay(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant(), ZoneOffset.UTC);

    private CommissionBenchmark() {
    }

    /**
     * @param exports folder of generated exports
     * @param dataDir the bench data directory: ingested once, kept between runs of the benchmark
     * @param runs    how many times to run the job in this JVM: the first is timed as the target's
     *                figure; each later one shows what a long-lived process (the scheduler's) sees,
     *                its code already compiled by the JIT
     */
    public static Result run(Path exports, Path dataDir, int runs) throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, cannot be: " + runs);
        }
        boolean ingested = Files.exists(dataDir.resolve("warehouse/curated/payments/CURRENT"));
        writeSetup(dataDir.resolve("commissions"));
        try (var context = AppContext.start(dataDir)) {
            JobOperator operator = context.getBean(JobOperator.class);
            if (!ingested) {
                require(operator.start(context.getBean(IngestJobConfiguration.JOB_NAME, Job.class),
                        new JobParametersBuilder().addString("exports", exports.toAbsolutePath().normalize().toString())
                                .addLong("run", System.currentTimeMillis()).toJobParameters()), "ingest");
            }
            Warehouse warehouse = context.getBean(Warehouse.class);
            YearMonth period = PeriodRule.lastCompleteMonth(AS_OF);
            long started;
            long nanos;
            long peakUsed;
            long peakLive;
            JobExecution execution;
            try (HeapWatch heap = HeapWatch.start()) {
                started = System.nanoTime();
                execution = runCommissions(operator, context, period);
                nanos = System.nanoTime() - started;
                peakUsed = heap.peakUsedBytes();
                peakLive = heap.peakLiveAfterGcBytes();
            }
            List<JobRun> laterRuns = new java.util.ArrayList<>();
            for (int again = 1; again < runs; again++) {
                long t = System.nanoTime();
                JobExecution later = runCommissions(operator, context, period);
                laterRuns.add(new JobRun((System.nanoTime() - t) / 1e9, StepTime.of(later)));
            }
            Map<String, BigDecimal> job = jobEarned(warehouse, period);
            long referenceStarted = System.nanoTime();
            Map<String, BigDecimal> reference = reference(warehouse, period);
            double duckdbSeconds = (System.nanoTime() - referenceStarted) / 1e9;
            Map<String, String> differences = new TreeMap<>();
            java.util.Set<String> reps = new java.util.TreeSet<>(job.keySet());
            reps.addAll(reference.keySet());
            for (String rep : reps) {
                BigDecimal ours = job.getOrDefault(rep, BigDecimal.ZERO);
                BigDecimal theirs = reference.getOrDefault(rep, BigDecimal.ZERO);
                if (ours.compareTo(theirs) != 0) {
                    differences.put(rep, ours.toPlainString() + " vs " + theirs.toPlainString());
                }
            }
            int lines = warehouse.requireCurrent(CommissionTables.COMMISSION_LINES)
                    .partitionFiles("period", period.toString()).isEmpty() ? 0 : count(warehouse, period);
            return new Result(period.toString(), nanos / 1e9, peakUsed, peakLive, HeapWatch.maxHeapBytes(),
                    duckdbSeconds, job.size(), lines, sum(job), sum(reference), differences,
                    Runtime.getRuntime().availableProcessors(), StepTime.of(execution), List.copyOf(laterRuns));
        }
    }

    /** One new execution of the commissions job for the period; fails unless it completed. */
    private static JobExecution runCommissions(JobOperator operator, ApplicationContext context, YearMonth period)
            throws Exception {
        return require(operator.start(context.getBean(CommissionsJobConfiguration.JOB_NAME, Job.class),
                PeriodParameter.add(new JobParametersBuilder(), period)
                        .addLong("run", System.currentTimeMillis()).toJobParameters()), "commissions");
    }

    private static JobExecution require(JobExecution execution, String job) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the " + job + " job ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return execution;
    }

    /** The bench plan, assigned to every role; written every run, so a run always measures this plan. */
    static void writeSetup(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("plans"));
        try (var old = Files.list(folder.resolve("plans"))) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(folder.resolve("plans/bench.yaml"), """
                # The commission benchmark's plan: what commission-reference.sql computes in DuckDB.
                id: bench
                version: 1
                effective_from: 2000-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: base, kind: rate, rate: %s}
                  - id: tiers
                    kind: tiered
                    mode: marginal
                    tiers:
                      - {from: 0, to: %s, rate: %s}
                      - {from: %s, rate: %s}
                """.formatted(BASE_RATE.toPlainString(), TIER_BOUND.toPlainString(), TIER1_RATE.toPlainString(),
                TIER_BOUND.toPlainString(), TIER2_RATE.toPlainString()), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("assignments.csv"), "assignee,plan_id,effective_from,effective_to\n"
                + "role:rep,bench,2000-01-01,\nrole:manager,bench,2000-01-01,\nrole:director,bench,2000-01-01,\n",
                StandardCharsets.UTF_8);
        Files.deleteIfExists(folder.resolve("reporting-lines.csv"));
    }

    private static Map<String, BigDecimal> jobEarned(Warehouse warehouse, YearMonth period) throws Exception {
        TableVersion statements = warehouse.requireCurrent(CommissionTables.COMMISSION_STATEMENTS);
        Map<String, BigDecimal> earned = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rs = sql.executeQuery("SELECT rep_id, earned FROM read_parquet("
                     + list(statements.partitionFiles("period", period.toString())) + ") WHERE earned <> 0")) {
            while (rs.next()) {
                earned.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
            }
        }
        return earned;
    }

    private static int count(Warehouse warehouse, YearMonth period) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(*) FROM read_parquet(" + list(warehouse.requireCurrent(
                     CommissionTables.COMMISSION_LINES).partitionFiles("period", period.toString())) + ")")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The reference calculation in DuckDB, per rep, over the current curated versions. */
    static Map<String, BigDecimal> reference(Warehouse warehouse, YearMonth period) throws Exception {
        String sql;
        try (InputStream in = CommissionBenchmark.class.getResourceAsStream("commission-reference.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        sql = sql.replace("{from}", period.atDay(1).toString()).replace("{to}", period.atEndOfMonth().toString())
                .replace("{base_rate}", BASE_RATE.toPlainString()).replace("{tier_bound}", TIER_BOUND.toPlainString())
                .replace("{tier1_rate}", TIER1_RATE.toPlainString()).replace("{tier2_rate}", TIER2_RATE.toPlainString());
        Map<String, BigDecimal> earned = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            for (TableDefinition table : List.of(CanonicalTables.ORDERS, CanonicalTables.ORDER_LINES,
                    CanonicalTables.INVOICES, CanonicalTables.PAYMENTS, CanonicalTables.CREDIT_NOTES,
                    CanonicalTables.CONTRACTS, CanonicalTables.CUSTOMERS, CanonicalTables.ACCOUNTS,
                    CanonicalTables.OPPORTUNITY_SPLITS, CanonicalTables.REPS, CanonicalTables.TERRITORIES,
                    CanonicalTables.FX_RATES)) {
                statement.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM read_parquet("
                        + files(warehouse.requireCurrent(table)) + ")");
            }
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    BigDecimal value = rs.getBigDecimal(2).setScale(2);
                    if (value.signum() != 0) {
                        earned.put(rs.getString(1), value);
                    }
                }
            }
        }
        return earned;
    }

    private static BigDecimal sum(Map<String, BigDecimal> byRep) {
        return byRep.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String files(TableVersion version) {
        return list(version.parquetFiles());
    }

    private static String list(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("no published Parquet files to read");
        }
        return SpillingDuckDb.literals(files);
    }
}
