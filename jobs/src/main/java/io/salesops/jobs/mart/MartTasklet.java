package io.salesops.jobs.mart;

import io.salesops.jobs.runtime.BatchIds;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs a {@link MartComputation} over the pinned inputs, stages the period's partition of each mart
 * under the job instance's batch id, publishes them and records the published versions for the
 * later steps, then prunes. A restart after a kill stages again into the same batch, and a mart
 * published before the kill is published again as the same version.
 */
final class MartTasklet implements Tasklet {

    private final MartComputation computation;
    private final SparkSessionProvider spark;
    private final Warehouse warehouse;
    private final PruneAfterPublish retention;

    MartTasklet(MartComputation computation, SparkSessionProvider spark, Warehouse warehouse,
                PruneAfterPublish retention) {
        this.computation = computation;
        this.spark = spark;
        this.warehouse = warehouse;
        this.retention = retention;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        YearMonth period = PeriodParameter.of(step.getJobExecution().getJobParameters());
        String batchId = BatchIds.of(contribution, computation.name());
        MartInputs inputs = new MartInputs(spark.get(), warehouse, InputPinning.requirePinned(step.getJobExecution()),
                computation);
        try {
            Map<TableDefinition, Dataset<Row>> marts = computation.compute(inputs, period,
                    step.getJobExecution().getJobParameters());
            if (!marts.keySet().equals(java.util.Set.copyOf(computation.outputs()))) {
                throw new IllegalStateException(computation.name() + " returned " + marts.keySet().stream()
                        .map(TableDefinition::name).sorted().toList() + ", not its outputs "
                        + computation.outputs().stream().map(TableDefinition::name).toList());
            }
            for (TableDefinition mart : computation.outputs()) {
                SparkTables.stagePartition(marts.get(mart), warehouse, mart, batchId, period.toString());
            }
        } finally {
            inputs.release();
        }
        for (TableDefinition mart : computation.outputs()) {
            TableVersion published = warehouse.publish(mart, batchId);
            // later steps (the report) read this very version, even if another run publishes the mart meanwhile
            InputPinning.recordOutput(step, published);
            contribution.incrementWriteCount(published.rowCount());
        }
        retention.prune(step, computation.outputs());
        return RepeatStatus.FINISHED;
    }
}
