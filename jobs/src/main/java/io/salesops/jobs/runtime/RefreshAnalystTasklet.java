package io.salesops.jobs.runtime;

import io.salesops.warehouse.model.TableDefinition;
import java.util.Collection;
import java.util.List;

import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Refreshes the analyst databases from the current version of each table (the job's last step). */
public final class RefreshAnalystTasklet implements Tasklet {

    private final AnalystDatabase analyst;
    private final Warehouse warehouse;
    private final Collection<TableDefinition> tables;

    /** @param tables every table analysts see (the catalogue: a table left out is dropped from their files) */
    public RefreshAnalystTasklet(AnalystDatabase analyst, Warehouse warehouse, Collection<TableDefinition> tables) {
        this.analyst = analyst;
        this.warehouse = warehouse;
        this.tables = List.copyOf(tables);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(analyst.refresh(warehouse, tables).size());
        return RepeatStatus.FINISHED;
    }
}
