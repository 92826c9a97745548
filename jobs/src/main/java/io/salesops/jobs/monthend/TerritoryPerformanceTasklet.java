package io.salesops.jobs.monthend;

import io.salesops.jobs.runtime.BatchIds;
import static io.salesops.jobs.spark.SparkTables.read;

import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.jobs.territory.TerritoryPerformance;
import io.salesops.jobs.territory.TerritoryTables;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs {@link TerritoryPerformance} on Spark over the input versions pinned for the execution
 * ({@link InputPinning}) and publishes the period's partition of the mart.
 */
final class TerritoryPerformanceTasklet implements Tasklet {

    /** What the computation reads; pinned before the step runs, and what {@code asOf} may name. */
    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.INVOICES, CanonicalTables.FX_RATES,
            CanonicalTables.REPS, CanonicalTables.TERRITORIES, CanonicalTables.QUOTAS);

    private final SparkSessionProvider spark;
    private final Warehouse warehouse;
    private final PruneAfterPublish retention;
    private final String period;

    TerritoryPerformanceTasklet(SparkSessionProvider spark, Warehouse warehouse, PruneAfterPublish retention,
                                String period) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.retention = retention;
        this.period = period;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        YearMonth month = PeriodParameter.parse(period);
        StepExecution step = contribution.getStepExecution();
        WarehouseSnapshot inputs = InputPinning.requirePinned(step.getJobExecution());
        SparkSession session = spark.get();
        Dataset<Row> fxRates = read(session, warehouse, CanonicalTables.FX_RATES, inputs);
        // Cached: the rate check and the computation both read the converted invoices.
        Dataset<Row> invoicesInCny = TerritoryPerformance.invoicesInCny(
                read(session, warehouse, CanonicalTables.INVOICES, inputs), fxRates, month).cache();
        String batchId = BatchIds.of(contribution, "territory");
        try {
            TerritoryPerformance.requireRates(invoicesInCny, month);
            Dataset<Row> result = TerritoryPerformance.compute(new TerritoryPerformance.Inputs(invoicesInCny, fxRates,
                    read(session, warehouse, CanonicalTables.REPS, inputs),
                    read(session, warehouse, CanonicalTables.TERRITORIES, inputs),
                    read(session, warehouse, CanonicalTables.QUOTAS, inputs)), month);
            SparkTables.stagePartition(result, warehouse, TerritoryTables.TERRITORY_PERFORMANCE, batchId, period);
        } finally {
            invoicesInCny.unpersist();
        }
        TableVersion published = warehouse.publish(TerritoryTables.TERRITORY_PERFORMANCE, batchId);
        // The report step reads this very version, even if another run publishes the mart meanwhile.
        InputPinning.recordOutput(step, published);
        retention.prune(step, List.of(TerritoryTables.TERRITORY_PERFORMANCE));
        contribution.incrementWriteCount(published.rowCount());
        return RepeatStatus.FINISHED;
    }
}
