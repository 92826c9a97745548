package io.salesops.jobs.monthend;

import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Points analyst.duckdb at the current version of every table. */
public final class RefreshAnalystTasklet implements Tasklet {

    private final AnalystDatabase analyst;
    private final Warehouse warehouse;

    public RefreshAnalystTasklet(AnalystDatabase analyst, Warehouse warehouse) {
        this.analyst = analyst;
        this.warehouse = warehouse;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(analyst.refresh(warehouse, WarehouseCatalog.ALL).size());
        return RepeatStatus.FINISHED;
    }
}
