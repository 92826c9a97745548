package io.salesops.jobs.commission.credit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Materialises datasets on their own driver threads, so Spark runs their jobs side by side: the
 * small jobs of a period's calculation each leave a core idle while the next is planned.
 */
final class Concurrently {

    private static final ExecutorService SUBMITTERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "commission-spark-submit");
        thread.setDaemon(true);
        return thread;
    });

    private Concurrently() {
    }

    /** Starts {@code rows.localCheckpoint()} now; {@link #join} waits for it. */
    static CompletableFuture<Dataset<Row>> localCheckpoint(Dataset<Row> rows) {
        return CompletableFuture.supplyAsync(rows::localCheckpoint, SUBMITTERS);
    }

    /** The materialised dataset, or the failure of its job as it was thrown. */
    static Dataset<Row> join(CompletableFuture<Dataset<Row>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
