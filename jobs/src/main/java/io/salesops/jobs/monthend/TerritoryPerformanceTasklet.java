package io.salesops.jobs.monthend;

import static io.salesops.jobs.spark.SparkTables.read;

import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.jobs.territory.TerritoryPerformance;
import io.salesops.jobs.territory.TerritoryTables;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.Warehouse;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Runs {@link TerritoryPerformance} on Spark and publishes the period's partition of the mart. */
final class TerritoryPerformanceTasklet implements Tasklet {

    private final SparkSessionProvider spark;
    private final Warehouse warehouse;
    private final String period;

    TerritoryPerformanceTasklet(SparkSessionProvider spark, Warehouse warehouse, String period) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.period = period;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        YearMonth month = PeriodParameter.parse(period);
        SparkSession session = spark.get();
        Dataset<Row> fxRates = read(session, warehouse, CanonicalTables.FX_RATES);
        // Cached: the rate check and the computation both read the converted invoices.
        Dataset<Row> invoicesInCny = TerritoryPerformance.invoicesInCny(
                read(session, warehouse, CanonicalTables.INVOICES), fxRates, month).cache();
        String batchId = BatchIds.of(contribution, "territory");
        try {
            TerritoryPerformance.requireRates(invoicesInCny, month);
            Dataset<Row> result = TerritoryPerformance.compute(new TerritoryPerformance.Inputs(invoicesInCny, fxRates,
                    read(session, warehouse, CanonicalTables.REPS),
                    read(session, warehouse, CanonicalTables.TERRITORIES),
                    read(session, warehouse, CanonicalTables.QUOTAS)), month);
            SparkTables.stagePartition(result, warehouse, TerritoryTables.TERRITORY_PERFORMANCE, batchId, period);
        } finally {
            invoicesInCny.unpersist();
        }
        contribution.incrementWriteCount(
                warehouse.publish(TerritoryTables.TERRITORY_PERFORMANCE, batchId).rowCount());
        return RepeatStatus.FINISHED;
    }
}
