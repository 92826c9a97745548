package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.sum;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.spark.SparkSessionProvider;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The month-end commission calculation for one period, in order: the pinned inputs
 * ({@link CommissionInputs}) → events → credits → every rep's lines and statement (Spark, calling
 * the pure plan math; {@link PeriodCalculation}) → the corrections and manual adjustments it pays
 * ({@link PeriodAdjustments}) → the four marts staged ({@link StagedMarts}) → the payroll file and
 * the reconciliation (Σ lines = Σ statements = Σ payroll, per rep, to the cent). Nothing is
 * published here: the next step publishes only what reconciled, from the {@link CalculatedRun}
 * this step leaves in the job context.
 */
final class CalculateCommissionsTasklet implements Tasklet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CalculateCommissionsTasklet.class);

    private final SparkSessionProvider spark;
    private final Warehouse warehouse;
    private final DataLayout layout;
    private final CommissionPeriods periods;
    private final PeriodAdjustments adjustments;
    private final Settings settings;
    private final YearMonth month;
    private final String period;

    /** The job's commission settings: where the set-up is, the clawback and termination policies. */
    record Settings(Path setupDir, int unpaidAfterDays, boolean payAfterTermination) {
    }

    CalculateCommissionsTasklet(SparkSessionProvider spark, Warehouse warehouse, DataLayout layout,
                                CommissionPeriods periods, PeriodAdjustments adjustments, Settings settings,
                                YearMonth month) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.layout = layout;
        this.periods = periods;
        this.adjustments = adjustments;
        this.settings = settings;
        this.month = month;
        this.period = month.toString();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        periods.requireOpen(period);
        StepExecution step = contribution.getStepExecution();
        CommissionSetup setup = CommissionSetup.load(settings.setupDir());
        WarehouseSnapshot inputs = InputPinning.requirePinned(step.getJobExecution());
        SparkSession session = spark.get();
        Map<TableDefinition, Dataset<Row>> tables = CommissionInputs.read(session, warehouse, inputs);
        PeriodCalculation calculation = new PeriodCalculation(session, tables, setup, settings.unpaidAfterDays(),
                settings.payAfterTermination(), new PublishedStatements(warehouse));
        String runId = String.valueOf(step.getJobExecution().getJobInstance().getInstanceId());
        StagedMarts marts = new StagedMarts(warehouse, period, runId);

        List<Adjustment> paid = adjustments.of(calculation, session, month);
        PeriodCalculation.Result result = calculation.calculate(month);
        try {
            marts.credits(result.credits(), inputs);
            marts.lines(result.results());
            marts.statements(session, StatementRow.merge(result.statements().collectAsList(), paid,
                    names(tables.get(CanonicalTables.REPS))));
            marts.adjustments(session, paid);
        } finally {
            result.release();
        }
        Dataset<Row> lines = marts.read(session, CommissionTables.COMMISSION_LINES);
        List<Row> statements = marts.read(session, CommissionTables.COMMISSION_STATEMENTS).orderBy("rep_id")
                .collectAsList();
        Path payroll = writePayroll(statements, runId);
        BigDecimal total = Reconciliation.check(linesByRep(lines), byRep(statements, "earned"),
                byRep(statements, "adjustments"), adjustmentsByRep(paid), byRep(statements, "payable"),
                PayrollExport.payableByRep(payroll));

        CalculatedRun run = new CalculatedRun(runId, ResultHash.of(marts.files(CommissionTables.COMMISSION_LINES),
                marts.files(CommissionTables.COMMISSION_STATEMENTS),
                marts.files(CommissionTables.COMMISSION_ADJUSTMENTS)), setup.hash(),
                String.join(", ", plans(statements)), statements.size(), lines.count(), total, currency(statements),
                payroll);
        run.saveTo(step.getJobExecution().getExecutionContext());
        log.info("commissions {} run {}: {} statements, {} adjustments, {} payable, result {}", period, runId,
                statements.size(), paid.size(), total.toPlainString(), run.resultHash());
        contribution.incrementWriteCount(statements.size());
        return RepeatStatus.FINISHED;
    }

    /** Into the run's staging folder: the period's folder gets it when the run is published (PeriodFiles). */
    private Path writePayroll(List<Row> statements, String runId) {
        return PayrollExport.write(new PeriodFiles(layout, period, runId).stagePayroll(), period, runId,
                statements.stream().map(r -> new PayrollExport.Row(r.getAs("rep_id"), r.getAs("rep_name"),
                        r.getAs("plan_id") + " v" + r.<Long>getAs("plan_version"), r.getAs("currency"),
                        r.getAs("earned"), r.getAs("adjustments"), r.getAs("payable"))).toList());
    }

    private static Map<String, String> names(Dataset<Row> reps) {
        Map<String, String> names = new HashMap<>();
        reps.select("rep_id", "rep_name").collectAsList().forEach(r -> names.put(r.getString(0), r.getString(1)));
        return names;
    }

    private static Map<String, BigDecimal> adjustmentsByRep(List<Adjustment> adjustments) {
        Map<String, BigDecimal> byRep = new LinkedHashMap<>();
        adjustments.forEach(a -> byRep.merge(a.repId(), a.amount(), BigDecimal::add));
        return byRep;
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
