package io.salesops.jobs.commission.run;

import io.salesops.reports.commission.RepStatementReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Warms the statement renderer up on a background thread when a commissions job starts, while the
 * calculation runs on Spark; the render step waits for it before it starts, so the two never
 * compete. Once per process: the compiled code stays for every later job of the same JVM.
 */
final class StatementWarmUp implements JobExecutionListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementWarmUp.class);

    /** Measured on 2 cores: ten 400-transaction statements take about 4 s of one core, cold. */
    private static final int RENDERS = 10;
    private static final int TRANSACTIONS = 400;

    /** JIT state belongs to the JVM, not to one application context. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final RepStatementReport report;
    private volatile CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    StatementWarmUp(RepStatementReport report) {
        this.report = report;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        if (STARTED.compareAndSet(false, true)) {
            CompletableFuture<Void> warmUp = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    report.warmUp(RENDERS, TRANSACTIONS);
                    warmUp.complete(null);
                } catch (RuntimeException | Error e) {
                    warmUp.completeExceptionally(e);
                }
            }, "statement-warm-up");
            thread.setDaemon(true);
            running = warmUp;
            thread.start();
        }
    }

    /** Waits for the warm-up; a failed one is only logged, the real statements report their own errors. */
    void await() {
        try {
            running.join();
        } catch (CompletionException e) {
            log.warn("statement renderer warm-up failed: {}", e.getCause().toString());
        }
    }
}
