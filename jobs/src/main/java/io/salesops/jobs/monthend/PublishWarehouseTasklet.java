package io.salesops.jobs.monthend;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.warehouse.model.CanonicalTables;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Publishes what the ingest step staged; repeating it after a crash completes the publish. */
public final class PublishWarehouseTasklet implements Tasklet {

    private final LandingIngest ingest;

    public PublishWarehouseTasklet(LandingIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ingest.publish(BatchIds.of(contribution, "ingest"), CanonicalTables.ALL)
                .forEach(version -> contribution.incrementWriteCount(version.rowCount()));
        return RepeatStatus.FINISHED;
    }
}
