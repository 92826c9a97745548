package io.salesops.app.bench;

import io.salesops.app.context.AppContext;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.funnel.FunnelTables;
import io.salesops.jobs.funnel.FunnelsJobConfiguration;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.schedules.PeriodRule;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

/**
 * Times the funnels job for one period on generated exports (ingested first, untimed, into a data
 * directory of its own), then computes funnel_conversion (dimensions all and source, both shipped
 * funnels) and win_rates as DuckDB SQL written from the funnel rules, not from the job
 * ({@code funnel-conversion-reference.sql}, {@code win-rates-reference.sql}), over the Parquet
 * versions the job pinned, and compares them row for row with the published marts.
 */
public final class FunnelBenchmark {

    /** The funnel_conversion dimensions the reference computes. */
    static final List<String> CONVERSION_DIMENSIONS = List.of("all", "source");
    /** The win_rates dimensions the reference computes: all of them. */
    static final List<String> WIN_RATE_DIMENSIONS = List.of("all", "source", "campaign", "region", "territory",
            "team", "rep", "industry", "customer_type");

    private static final List<TableDefinition> READ = List.of(CanonicalTables.LEADS, CanonicalTables.OPPORTUNITIES,
            CanonicalTables.OPPORTUNITY_STAGE_HISTORY, CanonicalTables.REPS, CanonicalTables.TERRITORIES,
            CanonicalTables.ACCOUNTS, CanonicalTables.ORDERS, CanonicalTables.FX_RATES);

    private static final MartRows CONVERSION = new MartRows(FunnelTables.FUNNEL_CONVERSION, CONVERSION_DIMENSIONS,
            List.of("funnel", "cohort_month", "dimension", "dimension_value", "step"),
            List.of("step_order BIGINT", "entered BIGINT", "advanced BIGINT", "lost BIGINT", "open BIGINT",
                    "skipped BIGINT", "converted_in_window BIGINT", "next_step_rate DECIMAL(18,6)",
                    "cumulative_rate DECIMAL(18,6)", "mature BOOLEAN"));
    private static final MartRows WIN_RATES = new MartRows(FunnelTables.WIN_RATES, WIN_RATE_DIMENSIONS,
            List.of("dimension", "dimension_value"),
            List.of("won BIGINT", "lost BIGINT", "open_deals BIGINT", "win_rate DECIMAL(18,6)",
                    "win_rate_amount DECIMAL(18,6)", "avg_won_amount DECIMAL(18,2)", "avg_cycle_days DECIMAL(18,6)",
                    "pipeline_velocity DECIMAL(18,2)"));

    /** What one run measured. {@code sizes}: rows of the generated tables the target names. */
    public record Result(String period, double jobSeconds, long peakUsed, long peakLive, long maxHeap,
            double duckdbSeconds, Map<String, Long> sizes, Comparison conversion, Comparison winRates, int cores,
            List<StepTime> steps) {

        public boolean agrees() {
            return conversion.agrees() && winRates.agrees();
        }
    }

    /**
     * One mart against its reference: the rows of each side, those equal in every column, those that
     * differ (or are on one side only) and the first of them, each with both sides' values ({@code -}
     * where a side has no such row).
     */
    public record Comparison(String table, List<String> dimensions, long jobRows, long referenceRows, long agreeing,
            long differing, List<String> differences) {

        public boolean agrees() {
            return differing == 0 && jobRows == referenceRows && agreeing == jobRows && jobRows > 0;
        }
    }

    private FunnelBenchmark() {
    }

    /**
     * @param exports folder of generated exports
     * @param dataDir the bench data directory: ingested once, kept between runs of the benchmark
     * @param period  the period, or null for the one the default rule gives as of the exports' last month
     * @param shown   how many differing rows of each mart to keep in the result
     */
    public static Result run(Path exports, Path dataDir, YearMonth period, int shown) throws Exception {
        if (shown < 0) {
            throw new IllegalArgumentException("shown must be at least 0, cannot be: " + shown);
        }
        if (Files.exists(dataDir.resolve("funnels"))) {
            throw new IllegalStateException("the bench data directory must use the shipped funnels (what the"
                    + " reference computes), cannot have: " + dataDir.resolve("funnels"));
        }
        boolean ingested = Files.exists(dataDir.resolve("warehouse/curated/opportunities/CURRENT"));
        try (var context = AppContext.start(dataDir)) {
            JobOperator operator = context.getBean(JobOperator.class);
            if (!ingested) {
                require(operator.start(context.getBean(IngestJobConfiguration.JOB_NAME, Job.class),
                        new JobParametersBuilder().addString("exports", exports.toAbsolutePath().normalize().toString())
                                .addLong("run", System.currentTimeMillis()).toJobParameters()), "ingest");
            }
            Warehouse warehouse = context.getBean(Warehouse.class);
            ZoneId zone = context.getBean(SalesOpsProperties.class).zone();
            YearMonth measured = period != null ? period : PeriodRule.lastCompleteMonth(CommissionBenchmark.AS_OF);
            long started;
            long nanos;
            long peakUsed;
            long peakLive;
            JobExecution execution;
            try (HeapWatch heap = HeapWatch.start()) {
                started = System.nanoTime();
                execution = require(operator.start(context.getBean(FunnelsJobConfiguration.JOB_NAME, Job.class),
                        PeriodParameter.add(new JobParametersBuilder(), measured)
                                .addLong("run", System.currentTimeMillis()).toJobParameters()), "funnels");
                nanos = System.nanoTime() - started;
                peakUsed = heap.peakUsedBytes();
                peakLive = heap.peakLiveAfterGcBytes();
            }
            WarehouseSnapshot pinned = InputPinning.requirePinned(execution);
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                 Statement sql = duckdb.createStatement()) {
                for (TableDefinition table : READ) {
                    sql.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM read_parquet("
                            + list(pinned.resolve(warehouse, table).parquetFiles()) + ")");
                }
                Map<String, Long> sizes = sizes(sql, warehouse);
                sql.execute(resource("reference-functions.sql"));
                long referenceStarted = System.nanoTime();
                Map<String, String> parameters = parameters(measured, zone);
                sql.execute("CREATE TEMP TABLE reference_" + CONVERSION.table().name() + " AS "
                        + fill(resource("funnel-conversion-reference.sql"), parameters));
                sql.execute("CREATE TEMP TABLE reference_" + WIN_RATES.table().name() + " AS "
                        + fill(resource("win-rates-reference.sql"), parameters));
                double duckdbSeconds = (System.nanoTime() - referenceStarted) / 1e9;
                requireRates(sql);
                Comparison conversion = CONVERSION.compare(sql, warehouse, measured, shown);
                Comparison winRates = WIN_RATES.compare(sql, warehouse, measured, shown);
                return new Result(measured.toString(), nanos / 1e9, peakUsed, peakLive, HeapWatch.maxHeapBytes(),
                        duckdbSeconds, sizes, conversion, winRates, Runtime.getRuntime().availableProcessors(),
                        StepTime.of(execution));
            }
        }
    }

    private static JobExecution require(JobExecution execution, String job) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the " + job + " job ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return execution;
    }

    /** The period's bounds as the references' parameters: instants in UTC, days on the business calendar. */
    static Map<String, String> parameters(YearMonth period, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("as_of", period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toString());
        values.put("period_start", period.atDay(1).atStartOfDay(zone).toInstant().toString());
        values.put("zone", zone.getId());
        values.put("period", period.toString());
        values.put("period_first_day", period.atDay(1).toString());
        values.put("period_last_day", period.atEndOfMonth().toString());
        return values;
    }

    static String fill(String sql, Map<String, String> parameters) {
        String filled = sql;
        for (var parameter : parameters.entrySet()) {
            filled = filled.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return filled;
    }

    /** The job fails on a closed non-CNY deal without the period's rate; so must the reference. */
    private static void requireRates(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT missing_rates FROM reference_win_rates WHERE dimension = 'all'")) {
            if (rs.next() && rs.getLong(1) > 0) {
                throw new IllegalStateException(rs.getLong(1) + " closed deals of the period have no fx rate");
            }
        }
    }

    /** Leads, opportunities, stage changes (what the job reads) and activities (what the target names). */
    private static Map<String, Long> sizes(Statement sql, Warehouse warehouse) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String view : List.of("leads", "opportunities", "opportunity_stage_history")) {
            sizes.put(view, count(sql, view));
        }
        var activities = warehouse.current(CanonicalTables.ACTIVITIES);
        if (activities.isPresent()) {
            sizes.put("activities", count(sql, "read_parquet(" + list(activities.get().parquetFiles()) + ")"));
        }
        return sizes;
    }

    private static long count(Statement sql, String from) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FunnelBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String list(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("no published Parquet files to read");
        }
        return SpillingDuckDb.literals(files);
    }

    /**
     * A mart's rows of some dimensions against the reference's table of the same name, compared on
     * every value column cast to the mart's type (counts exact, rates and money at the mart's scale).
     */
    private record MartRows(TableDefinition table, List<String> dimensions, List<String> keys, List<String> values) {

        Comparison compare(Statement sql, Warehouse warehouse, YearMonth period, int shown) throws SQLException {
            String inDimensions = String.join(", ", dimensions.stream().map(d -> "'" + d + "'").toList());
            sql.execute("CREATE TEMP TABLE job_" + table.name() + " AS SELECT * FROM read_parquet("
                    + list(warehouse.requireCurrent(table).partitionFiles("period", period.toString()))
                    + ") WHERE dimension IN (" + inDimensions + ")");
            String compared = """
                    WITH j AS (SELECT %1$s AS k, %2$s AS v FROM job_%3$s),
                         r AS (SELECT %1$s AS k, %2$s AS v FROM reference_%3$s WHERE dimension IN (%4$s))
                    SELECT coalesce(j.k, r.k) AS k, j.v AS job, r.v AS reference, j.k IS NOT NULL AS in_job,
                           r.k IS NOT NULL AS in_reference
                    FROM j FULL OUTER JOIN r ON j.k = r.k""".formatted(text(keys, false), text(values, true),
                    table.name(), inDimensions);
            long jobRows = 0;
            long referenceRows = 0;
            long agreeing = 0;
            long differing = 0;
            List<String> differences = new java.util.ArrayList<>();
            try (ResultSet rs = sql.executeQuery(compared + " ORDER BY k")) {
                while (rs.next()) {
                    boolean inJob = rs.getBoolean("in_job");
                    boolean inReference = rs.getBoolean("in_reference");
                    jobRows += inJob ? 1 : 0;
                    referenceRows += inReference ? 1 : 0;
                    if (inJob && inReference && rs.getString("job").equals(rs.getString("reference"))) {
                        agreeing++;
                    } else if (++differing <= shown) {
                        differences.add(rs.getString("k") + ": job " + (inJob ? rs.getString("job") : "-")
                                + " | reference " + (inReference ? rs.getString("reference") : "-"));
                    }
                }
            }
            return new Comparison(table.name(), dimensions, jobRows, referenceRows, agreeing, differing,
                    List.copyOf(differences));
        }

        /** The columns as one text, each cast to its mart type ({@code name=value}, {@code null} for none). */
        private static String text(List<String> columns, boolean named) {
            return "concat_ws(' ', " + String.join(", ", columns.stream().map(column -> {
                String[] nameAndType = column.split(" ", 2);
                String value = nameAndType.length == 2
                        ? "coalesce(CAST(CAST(" + nameAndType[0] + " AS " + nameAndType[1] + ") AS VARCHAR), 'null')"
                        : "coalesce(CAST(" + column + " AS VARCHAR), 'null')";
                return named ? "'" + nameAndType[0] + "=' || " + value : value;
            }).toList()) + ")";
        }
    }
}
