package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Publishes what the calculation staged and reconciled, and the run's record in commission_runs:
 * the warehouse versions it read, the plan versions and set-up hash, the code version and the
 * result hash. Each table's publish is atomic and repeatable, so a restart after a crash here
 * finishes the publish without a second copy.
 */
final class PublishCommissionsTasklet implements Tasklet {

    private final Warehouse warehouse;
    private final PruneAfterPublish retention;
    private final CommissionPeriods periods;
    private final Clock clock;
    private final DataLayout layout;

    PublishCommissionsTasklet(Warehouse warehouse, PruneAfterPublish retention, CommissionPeriods periods,
                              Clock clock, DataLayout layout) {
        this.layout = layout;
        this.warehouse = warehouse;
        this.retention = retention;
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        CalculatedRun run = CalculatedRun.from(job);
        String runId = run.runId();
        String batchId = run.batchId();
        String period = io.salesops.jobs.runtime.PeriodParameter.of(step.getJobExecution().getJobParameters()).toString();
        PeriodFiles files = new PeriodFiles(layout, period, runId);
        // closed by someone while this run calculated: its results must not replace the closed ones,
        // and its staged payroll never reaches the period's folder (the payroll is put in place with
        // the statements, when they are rendered, so a kill in between leaves the folders as they were)
        try {
            periods.requireOpen(period);
        } catch (IllegalStateException closed) {
            files.discard();
            throw closed;
        }
        // a restart after the run record was published (or renamed into place) must not stage it again
        if (warehouse.history(CommissionTables.COMMISSION_RUNS).stream().noneMatch(v -> v.batchId().equals(batchId))) {
            stageRun(step, run);
        }
        for (TableDefinition table : CommissionTables.ALL) {
            TableVersion published = warehouse.publish(table, batchId);
            InputPinning.recordOutput(step, published);
        }
        retention.prune(step, CommissionTables.ALL);
        if (periods.current(period).map(e -> !e.runId().equals(runId)).orElse(true)) {
            periods.calculated(period, runId, System.getProperty("user.name", "salesops"));
        }
        return RepeatStatus.FINISHED;
    }

    private void stageRun(StepExecution step, CalculatedRun run) {
        String runId = run.runId();
        String period = io.salesops.jobs.runtime.PeriodParameter.of(step.getJobExecution().getJobParameters()).toString();
        WarehouseSnapshot inputs = InputPinning.requirePinned(step.getJobExecution());
        String inputVersions = CommissionInputs.INPUTS.stream()
                .map(table -> table.name() + "=" + inputs.resolve(warehouse, table).version())
                .collect(Collectors.joining(","));
        Path partition = warehouse.stagePartition(CommissionTables.COMMISSION_RUNS, run.batchId(), runId);
        TableDefinition runs = CommissionTables.COMMISSION_RUNS;
        try (ParquetRowWriter writer = new ParquetRowWriter(partition.resolve("part-00000.parquet"), runs.name(),
                runs.storedColumns())) {
            writer.write(new Object[] {runId, period, step.getJobExecution().getId(), clock.instant(), inputVersions,
                    run.planVersions(), run.setupHash(), codeVersion(), run.resultHash(), run.repCount(),
                    run.lineCount(), run.totalPayable().setScale(2), run.currency()});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the run record of commission run " + runId, e);
        }
    }

    /** The build's version from the jar manifest; "development" when run from classes (tests, IDE). */
    static String codeVersion() {
        String version = PublishCommissionsTasklet.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
