package io.salesops.jobs.monthend;

import io.salesops.jobs.runtime.BatchIds;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Publishes what the ingest step staged, then prunes old versions of the tables it published;
 * repeating it after a crash completes the publish (a prune the crash cut short is finished by the
 * next prune of the table).
 */
public final class PublishWarehouseTasklet implements Tasklet {

    private final LandingIngest ingest;
    private final PruneAfterPublish retention;

    public PublishWarehouseTasklet(LandingIngest ingest, PruneAfterPublish retention) {
        this.ingest = ingest;
        this.retention = retention;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<TableVersion> published = ingest.publish(BatchIds.of(contribution, "ingest"), CanonicalTables.ALL);
        published.forEach(version -> contribution.incrementWriteCount(version.rowCount()));
        List<TableDefinition> tables = published.stream().map(v -> WarehouseCatalog.find(v.table()).orElseThrow(
                () -> new IllegalStateException("published table " + v.table() + " is not in the catalog"))).toList();
        retention.prune(contribution.getStepExecution(), tables);
        return RepeatStatus.FINISHED;
    }
}
