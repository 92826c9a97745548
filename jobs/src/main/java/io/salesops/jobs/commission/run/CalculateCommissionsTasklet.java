package io.salesops.jobs.commission.run;

import static io.salesops.jobs.spark.SparkTables.read;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.commission.assign.ReportingLines;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.credit.CommissionEvents;
import io.salesops.jobs.commission.credit.Crediting;
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
            CanonicalTables.OPPORTUNITY_SPLITS, CanonicalTables.REPS, CanonicalTables.TERRITORIES,
            CanonicalTables.QUOTAS, CanonicalTables.FX_RATES);

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
    private final Path setupDir;
    private final int unpaidAfterDays;
    private final boolean payAfterTermination;
    private final String period;

    CalculateCommissionsTasklet(SparkSessionProvider spark, Warehouse warehouse, DataLayout layout, Path setupDir,
                                int unpaidAfterDays, boolean payAfterTermination, String period) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.layout = layout;
        this.setupDir = setupDir;
        this.unpaidAfterDays = unpaidAfterDays;
        this.payAfterTermination = payAfterTermination;
        this.period = period;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        YearMonth month = PeriodParameter.parse(period);
        StepExecution step = contribution.getStepExecution();
        CommissionSetup setup = CommissionSetup.load(setupDir);
        WarehouseSnapshot inputs = InputPinning.requirePinned(step.getJobExecution());
        SparkSession session = spark.get();
        Map<TableDefinition, Dataset<Row>> tables = new HashMap<>();
        INPUTS.forEach(table -> tables.put(table, read(session, warehouse, table, inputs)));
        Crediting.requireWholeSplits(tables.get(CanonicalTables.OPPORTUNITY_SPLITS));

        Dataset<Row> events = CommissionEvents.compute(new CommissionEvents.Inputs(tables.get(CanonicalTables.ORDERS),
                tables.get(CanonicalTables.ORDER_LINES), tables.get(CanonicalTables.PRODUCTS),
                tables.get(CanonicalTables.INVOICES), tables.get(CanonicalTables.PAYMENTS),
                tables.get(CanonicalTables.CREDIT_NOTES)), month, new CommissionEvents.Policy(unpaidAfterDays));
        Dataset<Row> reps = tables.get(CanonicalTables.REPS);
        Dataset<Row> credits = excludeAfterTermination(Crediting.compute(events, new Crediting.Inputs(
                tables.get(CanonicalTables.CONTRACTS), tables.get(CanonicalTables.CUSTOMERS),
                tables.get(CanonicalTables.ACCOUNTS), tables.get(CanonicalTables.OPPORTUNITY_SPLITS), reps,
                tables.get(CanonicalTables.TERRITORIES), reportingLines(session, setup, reps))), reps).cache();
        String runId = String.valueOf(step.getJobExecution().getJobInstance().getInstanceId());
        String batchId = "commissions-" + runId;
        try {
            FxTable fx = fxTable(tables.get(CanonicalTables.FX_RATES));
            RepPlans.Resolved plans = RepPlans.resolve(reps(reps), setup, quotas(tables.get(CanonicalTables.QUOTAS),
                    month), fx, month);
            Dataset<Row> results = CommissionCalculation.calculate(session, credits, plans.plans(), plans.employed(),
                    plans.sources(), fx, month).cache();
            try {
                requireAssigned(results, month);
                stage(creditsMart(credits, inputs, runId), CommissionTables.COMMISSION_CREDITS, batchId);
                stage(linesMart(results, runId), CommissionTables.COMMISSION_LINES, batchId);
                stage(statementsMart(results, reps, runId), CommissionTables.COMMISSION_STATEMENTS, batchId);
            } finally {
                results.unpersist();
            }
        } finally {
            credits.unpersist();
        }
        Dataset<Row> lines = readStaged(session, CommissionTables.COMMISSION_LINES, batchId);
        Dataset<Row> statements = readStaged(session, CommissionTables.COMMISSION_STATEMENTS, batchId);
        List<Row> statementRows = statements.orderBy("rep_id").collectAsList();
        Path payroll = PayrollExport.write(layout.exports().resolve("commissions").resolve(period), period, runId,
                statementRows.stream().map(r -> new PayrollExport.Row(r.getAs("rep_id"), r.getAs("rep_name"),
                        r.getAs("plan_id") + " v" + r.<Long>getAs("plan_version"), r.getAs("currency"),
                        r.getAs("earned"), r.getAs("adjustments"), r.getAs("payable"))).toList());
        BigDecimal total = Reconciliation.check(linesByRep(lines), byRep(statementRows, "earned"),
                byRep(statementRows, "adjustments"), byRep(statementRows, "payable"), PayrollExport.payableByRep(payroll));
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        job.putString(RUN_ID, runId);
        job.putString(RESULT_HASH, ResultHash.of(lines, statements));
        job.putString(SETUP_HASH, setup.hash());
        job.putString(PLAN_VERSIONS, String.join(", ", plans(statementRows)));
        job.putLong(REP_COUNT, statementRows.size());
        job.putLong(LINE_COUNT, lines.count());
        job.putString(TOTAL_PAYABLE, total.toPlainString());
        job.putString(CURRENCY, currency(statementRows));
        job.putString(PAYROLL_FILE, payroll.toString());
        log.info("commissions {} run {}: {} statements, {} payable, result {}", period, runId, statementRows.size(),
                total.toPlainString(), job.getString(RESULT_HASH));
        contribution.incrementWriteCount(statementRows.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Marks credits dated after the credited rep's termination date AFTER_TERMINATION unless
     * salesops.commissions.pay-after-termination is set: the credit stays visible, and pays nothing.
     */
    private Dataset<Row> excludeAfterTermination(Dataset<Row> credits, Dataset<Row> reps) {
        Dataset<Row> left = reps.select(col("rep_id").as("left_rep_id"), col("termination_date").as("left_on"));
        Column after = payAfterTermination ? lit(false)
                : col("left_on").isNotNull().and(col("event_date").gt(col("left_on")));
        return credits.join(left, col("credited_rep_id").equalTo(col("left_rep_id")), "left")
                .withColumn("excluded_reason", when(after, lit("AFTER_TERMINATION")))
                .drop("left_rep_id", "left_on");
    }

    private static Dataset<Row> reportingLines(SparkSession session, CommissionSetup setup, Dataset<Row> reps) {
        if (setup.reportingLines().isEmpty()) {
            return Crediting.reportingLinesFromReps(reps);
        }
        List<Row> rows = setup.reportingLines().get().stream().map(l -> RowFactory.create(l.repId(), l.managerId(),
                java.sql.Date.valueOf(l.from()), l.to() == null ? null : java.sql.Date.valueOf(l.to()))).toList();
        return session.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("rep_id", DataTypes.StringType).add("manager_id", DataTypes.StringType)
                .add("effective_from", DataTypes.DateType).add("effective_to", DataTypes.DateType));
    }

    private static FxTable fxTable(Dataset<Row> fxRates) {
        FxTable fx = new FxTable();
        for (Row row : fxRates.collectAsList()) {
            fx.with(row.getAs("currency"), row.<java.sql.Date>getAs("rate_date").toLocalDate(), row.getAs("rate_to_cny"));
        }
        return fx;
    }

    private static List<RepPlans.Rep> reps(Dataset<Row> reps) {
        return reps.collectAsList().stream().map(r -> new RepPlans.Rep(r.getAs("rep_id"), r.getAs("role"),
                r.<java.sql.Date>getAs("hire_date").toLocalDate(),
                r.getAs("termination_date") == null ? null : r.<java.sql.Date>getAs("termination_date").toLocalDate()))
                .sorted(java.util.Comparator.comparing(RepPlans.Rep::repId)).toList();
    }

    private static Map<String, RepPlans.Quota> quotas(Dataset<Row> quotas, YearMonth month) {
        Map<String, RepPlans.Quota> byRep = new HashMap<>();
        for (Row row : quotas.where(col("period").equalTo(month.toString())).collectAsList()) {
            byRep.put(row.getAs("rep_id"), new RepPlans.Quota(row.getAs("quota_amount"), row.getAs("currency")));
        }
        return byRep;
    }

    private static void requireAssigned(Dataset<Row> results, YearMonth month) {
        List<Row> unassigned = results.where(col("kind").equalTo(CommissionCalculation.UNASSIGNED))
                .orderBy("rep_id").collectAsList();
        if (!unassigned.isEmpty()) {
            throw new IllegalStateException(unassigned.size() + " reps were credited in " + month + " but no plan"
                    + " assignment covers them on " + month.atEndOfMonth() + ": " + unassigned.stream().limit(10)
                    .map(r -> r.getAs("rep_id") + " (" + r.<Long>getAs("credit_count") + " credits)")
                    .collect(Collectors.joining(", ")) + (unassigned.size() > 10 ? ", ..." : "")
                    + "; add them to assignments.csv");
        }
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

    private Dataset<Row> statementsMart(Dataset<Row> results, Dataset<Row> reps, String runId) {
        Dataset<Row> names = reps.select(col("rep_id").as("name_rep_id"), col("rep_name"));
        return results.where(col("kind").equalTo(CommissionCalculation.STATEMENT))
                .join(names, col("rep_id").equalTo(col("name_rep_id")), "left")
                .withColumn("period", lit(period)).withColumn("run_id", lit(runId))
                .withColumn("adjustments", lit(BigDecimal.ZERO))
                .withColumn("payable", col("earned"));
    }

    /** Casts to the mart's column types (a value that does not fit fails, under ANSI mode) and stages the period. */
    private void stage(Dataset<Row> rows, TableDefinition table, String batchId) {
        Column[] columns = java.util.Arrays.stream(SparkSchemas.of(table).fields())
                .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
        SparkTables.stagePartition(rows.select(columns), warehouse, table, batchId, period);
    }

    private Dataset<Row> readStaged(SparkSession session, TableDefinition table, String batchId) {
        try (var files = java.nio.file.Files.walk(warehouse.stagingDirectory(table, batchId))) {
            String[] paths = files.filter(p -> p.toString().endsWith(".parquet")).map(Path::toString).sorted()
                    .toArray(String[]::new);
            return session.read().parquet(paths);
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
