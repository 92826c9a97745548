package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.reports.commission.RepStatementReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import io.salesops.warehouse.files.AtomicFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One statement PDF per rep, reports/commissions/PERIOD/statement-PERIOD-REP.pdf, from the
 * versions this run published (so a later run cannot mix in). A statement of an earlier run for
 * a rep this run has none for is removed: the folder always shows one run.
 */
final class RenderStatementsTasklet implements Tasklet {

    private final RepStatementReport report;
    private final StatementWarmUp warmUp;
    private final Warehouse warehouse;
    private final DataLayout layout;
    private final String period;

    RenderStatementsTasklet(RepStatementReport report, StatementWarmUp warmUp, Warehouse warehouse, DataLayout layout,
                            java.time.YearMonth period) {
        this.report = report;
        this.warmUp = warmUp;
        this.warehouse = warehouse;
        this.layout = layout;
        this.period = period.toString();
    }

    /**
     * One PDF per statement, on as many threads as there are cores: filling and exporting a long
     * statement is CPU work, and the report is thread-safe. Statements are read while earlier ones
     * render, and at most two per thread wait, so memory holds a few statements, not the period.
     */
    private List<Path> render(Path folder, String runId, TableVersion statements, TableVersion lines,
                              TableVersion adjustments) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore waiting = new Semaphore(2 * threads);
        try {
            List<Future<Path>> pdfs = new ArrayList<>();
            StatementData.forEach(period, "CALCULATED (run " + runId + ")", statements, lines, adjustments,
                    statement -> {
                        waiting.acquireUninterruptibly();
                        pdfs.add(pool.submit(() -> {
                            try {
                                return AtomicFile.write(folder.resolve(RepStatementReport.fileName(period,
                                        statement.repId())), out -> report.render(statement, out));
                            } finally {
                                waiting.release();
                            }
                        }));
                    });
            List<Path> written = new ArrayList<>();
            for (Future<Path> pdf : pdfs) {
                try {
                    written.add(pdf.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var job = contribution.getStepExecution().getJobExecution();
        WarehouseSnapshot published = InputPinning.requirePinned(job);
        String runId = CalculatedRun.from(job.getExecutionContext()).runId();
        // rendered into the run's staging folder, then put in place of the previous run's statements
        PeriodFiles files = new PeriodFiles(layout, period, runId);
        Path staging = files.stageStatements();
        warmUp.await();
        List<Path> written = render(staging, runId,
                published.resolve(warehouse, CommissionTables.COMMISSION_STATEMENTS),
                published.resolve(warehouse, CommissionTables.COMMISSION_LINES),
                published.resolve(warehouse, CommissionTables.COMMISSION_ADJUSTMENTS));
        // the payroll and the statements reach the period's folders together, once all are written
        files.publishPayroll(PayrollExport.fileName(period, runId));
        files.publishStatements(written.stream().map(p -> p.getFileName().toString()).toList());
        Path folder = PeriodFiles.folders(layout, period).get(1);
        contribution.incrementWriteCount(written.size());
        contribution.getStepExecution().getExecutionContext().putString("statements", folder.toString());
        return RepeatStatus.FINISHED;
    }
}
