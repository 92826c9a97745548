package io.salesops.jobs.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Datasets materialised with {@code localCheckpoint()}: their rows kept as Spark's own binary rows
 * in the block manager (memory, then local disk), and their plan cut to a scan of those rows.
 *
 * <p>Why not {@code cache()}: building Spark's in-memory columnar cache (per-column builders,
 * compression statistics) was about a fifth of the executors' CPU in the commission job, more than
 * the calculation it saved repeating, and a cached plan still carries its whole lineage into every
 * query planned over it. A checkpoint copies each row once. The price is fault tolerance: a block
 * lost with an executor cannot be recomputed, and the job fails (and is restartable).
 */
public final class Materialised {

    private Materialised() {
    }

    /** Computes the rows now and returns a dataset that reads them back. */
    public static Dataset<Row> of(Dataset<Row> rows) {
        return rows.localCheckpoint();
    }

    /**
     * Frees the blocks behind a dataset from {@link #of}, now rather than when Spark's cleaner finds
     * it unreferenced; a dataset of another kind is left alone.
     */
    public static void release(Dataset<Row> materialised) {
        if (materialised.queryExecution().logical() instanceof LogicalRDD scan) {
            scan.rdd().unpersist(false);
        }
    }
}
