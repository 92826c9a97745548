package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import static io.salesops.jobs.spark.SparkTables.read;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.commission.credit.Crediting;
import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.ManualAdjustments;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.spark.SparkSchemas;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The month-end commission calculation for one period: events → credits → every rep's lines and
 * statement (Spark, calling the pure plan math), staged as the period's partitions of
 * commission_credits, commission_lines and commission_statements; then the payroll file and the
 * reconciliation (Σ lines = Σ statements = Σ payroll, per rep, to the cent). Nothing is published
 * here: the next step publishes only what reconciled.
 */
final class CalculateCommissionsTasklet implements Tasklet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CalculateCommissionsTasklet.class);

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.ORDERS, CanonicalTables.ORDER_LINES,
            CanonicalTables.PRODUCTS, CanonicalTables.INVOICES, CanonicalTables.PAYMENTS, CanonicalTables.CREDIT_NOTES,
            CanonicalTables.CONTRACTS, CanonicalTables.CUSTOMERS, CanonicalTables.ACCOUNTS,
            CanonicalTables.OPPORTUNITIES, CanonicalTables.OPPORTUNITY_SPLITS, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES, CanonicalTables.QUOTAS, CanonicalTables.FX_RATES);

    /** Read when the warehouse has them: a run needs them only for SPIFs attributed by campaign touches. */
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.CONTACTS,
            CanonicalTables.CAMPAIGN_TOUCHES);

    /** Job context keys the publish step reads. */
    static final String RUN_ID = "commission.run-id";
    static final String RESULT_HASH = "commission.result-hash";
    static final String SETUP_HASH = "commission.setup-hash";
    static final String PLAN_VERSIONS = "commission.plan-versions";
    static final String REP_COUNT = "commission.rep-count";
    static final String LINE_COUNT = "commission.line-count";
    static final String TOTAL_PAYABLE = "commission.total-payable";
    static final String CURRENCY = "commission.currency";
    static final String PAYROLL_FILE = "commission.payroll-file";

    private final SparkSessionProvider spark;
    private final Warehouse warehouse;
    private final DataLayout layout;
    private final CommissionPeriods periods;
    private final ManualAdjustments manualAdjustments;
    private final Settings settings;
    private final String period;

    /** The job's commission settings: where the set-up is, the clawback and termination policies, the lookback. */
    record Settings(Path setupDir, int unpaidAfterDays, boolean payAfterTermination, int correctionLookbackMonths) {
    }

    CalculateCommissionsTasklet(SparkSessionProvider spark, Warehouse warehouse, DataLayout layout,
                                CommissionPeriods periods, ManualAdjustments manualAdjustments, Settings settings,
                                String period) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.layout = layout;
        this.periods = periods;
        this.manualAdjustments = manualAdjustments;
        this.settings = settings;
        this.period = period;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        YearMonth month = PeriodParameter.parse(period);
        periods.requireOpen(period);
        StepExecution step = contribution.getStepExecution();
        CommissionSetup setup = CommissionSetup.load(settings.setupDir());
        WarehouseSnapshot inputs = InputPinning.requirePinned(step.getJobExecution());
        SparkSession session = spark.get();
        Map<TableDefinition, Dataset<Row>> tables = new HashMap<>();
        INPUTS.forEach(table -> tables.put(table, read(session, warehouse, table, inputs)));
        OPTIONAL_INPUTS.stream().filter(inputs::pins)
                .forEach(table -> tables.put(table, read(session, warehouse, table, inputs)));
        Crediting.requireWholeSplits(tables.get(CanonicalTables.OPPORTUNITY_SPLITS));
        PeriodCalculation calculation = new PeriodCalculation(session, tables, setup, settings.unpaidAfterDays(),
                settings.payAfterTermination(), this::published);
        String runId = String.valueOf(step.getJobExecution().getJobInstance().getInstanceId());
        String batchId = "commissions-" + runId;

        List<Adjustment> adjustments = new ArrayList<>(corrections(calculation, session, month));
        manualAdjustments.of(period).forEach(m -> adjustments.add(new Adjustment(m.repId(), Adjustment.MANUAL, 0,
                Adjustment.MANUAL, Adjustment.MANUAL, m.adjustmentId(), period, m.amount(), m.currency(),
                m.reason() + " (requested by " + m.requestedBy() + ")", m.approvedBy())));
        PeriodCalculation.Result result = calculation.calculate(month);
        try {
            stage(creditsMart(result.credits(), inputs, runId), CommissionTables.COMMISSION_CREDITS, batchId);
            stage(linesMart(result.results(), runId), CommissionTables.COMMISSION_LINES, batchId);
            List<StatementRow> statements = StatementRow.merge(result.statements().collectAsList(), adjustments,
                    names(tables.get(CanonicalTables.REPS)));
            stage(session.createDataFrame(StatementRow.rows(statements, period, runId),
                    SparkSchemas.of(CommissionTables.COMMISSION_STATEMENTS)), CommissionTables.COMMISSION_STATEMENTS,
                    batchId);
            stage(session.createDataFrame(adjustmentRows(adjustments, runId),
                    SparkSchemas.of(CommissionTables.COMMISSION_ADJUSTMENTS)), CommissionTables.COMMISSION_ADJUSTMENTS,
                    batchId);
        } finally {
            result.release();
        }
        Dataset<Row> lines = readStaged(session, CommissionTables.COMMISSION_LINES, batchId);
        Dataset<Row> statements = readStaged(session, CommissionTables.COMMISSION_STATEMENTS, batchId);
        List<Row> statementRows = statements.orderBy("rep_id").collectAsList();
        // staged: the period's folder gets it when the run is published (PeriodFiles)
        Path payroll = PayrollExport.write(new PeriodFiles(layout, period, runId).stagePayroll(), period, runId,
                statementRows.stream().map(r -> new PayrollExport.Row(r.getAs("rep_id"), r.getAs("rep_name"),
                        r.getAs("plan_id") + " v" + r.<Long>getAs("plan_version"), r.getAs("currency"),
                        r.getAs("earned"), r.getAs("adjustments"), r.getAs("payable"))).toList());
        BigDecimal total = Reconciliation.check(linesByRep(lines), byRep(statementRows, "earned"),
                byRep(statementRows, "adjustments"), adjustmentsByRep(adjustments), byRep(statementRows, "payable"),
                PayrollExport.payableByRep(payroll));

        ExecutionContext job = step.getJobExecution().getExecutionContext();
        job.putString(RUN_ID, runId);
        job.putString(RESULT_HASH, ResultHash.of(stagedFiles(CommissionTables.COMMISSION_LINES, batchId),
                stagedFiles(CommissionTables.COMMISSION_STATEMENTS, batchId),
                stagedFiles(CommissionTables.COMMISSION_ADJUSTMENTS, batchId)));
        job.putString(SETUP_HASH, setup.hash());
        job.putString(PLAN_VERSIONS, String.join(", ", plans(statementRows)));
        job.putLong(REP_COUNT, statementRows.size());
        job.putLong(LINE_COUNT, lines.count());
        job.putString(TOTAL_PAYABLE, total.toPlainString());
        job.putString(CURRENCY, currency(statementRows));
        job.putString(PAYROLL_FILE, payroll.toString());
        log.info("commissions {} run {}: {} statements, {} adjustments, {} payable, result {}", period, runId,
                statementRows.size(), adjustments.size(), total.toPlainString(), job.getString(RESULT_HASH));
        contribution.incrementWriteCount(statementRows.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Corrections of the closed periods just before this one, newest first, while they are closed
     * and within salesops.commissions.correction-lookback-months: this period is the next open
     * period of each, so their corrections are paid here and nowhere else.
     */
    private List<Adjustment> corrections(PeriodCalculation calculation, SparkSession session, YearMonth month) {
        java.util.Set<String> closed = periods.closedPeriods();
        List<Adjustment> corrections = new ArrayList<>();
        Dataset<Row> ledger = warehouse.current(CommissionTables.COMMISSION_LEDGER)
                .map(v -> SparkTables.read(session, warehouse, CommissionTables.COMMISSION_LEDGER)).orElse(null);
        for (int back = 1; back <= settings.correctionLookbackMonths(); back++) {
            YearMonth earlier = month.minusMonths(back);
            if (!closed.contains(earlier.toString())) {
                break;
            }
            PeriodCalculation.Result recalculated = calculation.calculate(earlier);
            try {
                corrections.addAll(Corrections.of(earlier.toString(), recalculated.lines(), ledger));
            } finally {
                recalculated.release();
            }
        }
        return corrections;
    }

    /**
     * Each rep's statement of {@code month} as published: plan, credited amount, quota, what each
     * component paid and the draw balance owed at its end; empty when the month has no statements.
     */
    private Map<String, PublishedStatement> published(YearMonth month) {
        List<Path> files = warehouse.current(CommissionTables.COMMISSION_STATEMENTS)
                .map(v -> v.partitionFiles("period", month.toString())).orElse(List.of());
        Map<String, PublishedStatement> balances = new HashMap<>();
        if (files.isEmpty()) {
            return balances;
        }
        String source = "read_parquet(" + io.salesops.warehouse.merge.SpillingDuckDb.literals(files) + ")";
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var sql = duckdb.createStatement();
             var rows = sql.executeQuery("SELECT rep_id, plan_id, credited_amount, quota, draw_balance,"
                     + " earned_by_component FROM " + source)) {
            while (rows.next()) {
                balances.put(rows.getString(1), new PublishedStatement(rows.getString(2), rows.getBigDecimal(3),
                        rows.getBigDecimal(4), rows.getBigDecimal(5), ComponentTotals.parse(rows.getString(6))));
            }
            return balances;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the statements of " + month + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> names(Dataset<Row> reps) {
        Map<String, String> names = new HashMap<>();
        reps.select("rep_id", "rep_name").collectAsList().forEach(r -> names.put(r.getString(0), r.getString(1)));
        return names;
    }

    private List<Row> adjustmentRows(List<Adjustment> adjustments, String runId) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> numbers = new HashMap<>();
        for (Adjustment a : adjustments) {
            long number = numbers.merge(a.repId(), 1L, Long::sum);
            rows.add(RowFactory.create(period, runId, a.repId(), number, a.kind(), a.planId(), a.planVersion(),
                    a.component(), a.transactionId(), a.originPeriod(), a.amount(), a.currency(), a.reason(),
                    a.approvedBy()));
        }
        return rows;
    }

    private static Map<String, BigDecimal> adjustmentsByRep(List<Adjustment> adjustments) {
        Map<String, BigDecimal> byRep = new LinkedHashMap<>();
        adjustments.forEach(a -> byRep.merge(a.repId(), a.amount(), BigDecimal::add));
        return byRep;
    }

    private Dataset<Row> creditsMart(Dataset<Row> credits, WarehouseSnapshot inputs, String runId) {
        Column version = lit(null).cast(DataTypes.LongType);
        for (TableDefinition table : INPUTS) {
            version = when(col("source_table").equalTo(table.name()),
                    lit((long) inputs.resolve(warehouse, table).version())).otherwise(version);
        }
        return credits.withColumnRenamed("rep_id", "event_rep_id")
                .withColumnRenamed("credited_rep_id", "rep_id")
                .withColumn("period", lit(period)).withColumn("run_id", lit(runId))
                .withColumn("source_version", version);
    }

    private Dataset<Row> linesMart(Dataset<Row> results, String runId) {
        return results.where(col("kind").equalTo(CommissionCalculation.LINE))
                .withColumn("period", lit(period)).withColumn("run_id", lit(runId));
    }


    /** Casts to the mart's column types (a value that does not fit fails, under ANSI mode) and stages the period. */
    private void stage(Dataset<Row> rows, TableDefinition table, String batchId) {
        Column[] columns = java.util.Arrays.stream(SparkSchemas.of(table).fields())
                .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
        SparkTables.stagePartition(rows.select(columns), warehouse, table, batchId, period);
    }

    private Dataset<Row> readStaged(SparkSession session, TableDefinition table, String batchId) {
        String[] paths = stagedFiles(table, batchId).stream().map(Path::toString).toArray(String[]::new);
        return paths.length == 0 ? session.createDataFrame(List.of(), SparkSchemas.of(table))
                : session.read().parquet(paths);
    }

    /** The Parquet files this run staged for a table, in name order. */
    private List<Path> stagedFiles(TableDefinition table, String batchId) {
        try (var files = java.nio.file.Files.walk(warehouse.stagingDirectory(table, batchId))) {
            return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list the staged " + table.name(), e);
        }
    }

    private static Map<String, BigDecimal> linesByRep(Dataset<Row> lines) {
        Map<String, BigDecimal> byRep = new LinkedHashMap<>();
        for (Row row : lines.groupBy("rep_id").agg(sum("amount").as("total")).collectAsList()) {
            byRep.put(row.getString(0), row.getDecimal(1));
        }
        return byRep;
    }

    private static Map<String, BigDecimal> byRep(List<Row> statements, String column) {
        Map<String, BigDecimal> byRep = new LinkedHashMap<>();
        statements.forEach(r -> byRep.put(r.getAs("rep_id"), r.getAs(column)));
        return byRep;
    }

    private static List<String> plans(List<Row> statements) {
        return statements.stream().map(r -> r.getAs("plan_id") + " v" + r.<Long>getAs("plan_version")).distinct()
                .sorted().toList();
    }

    private static String currency(List<Row> statements) {
        List<String> currencies = statements.stream().map(r -> r.<String>getAs("currency")).distinct().toList();
        return currencies.size() == 1 ? currencies.get(0) : currencies.isEmpty() ? "CNY" : "MIXED";
    }
}
