package io.salesops.jobs.territory;

import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.reports.territory.TerritorySummaryReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.files.AtomicFile;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders reports/territory-summary-PERIOD.pdf from the mart version this execution published
 * (pinned in the job context), not from whatever version is current by now.
 */
final class TerritoryReportTasklet implements Tasklet {

    private final TerritorySummaryReport report;
    private final Warehouse warehouse;
    private final DataLayout layout;

    TerritoryReportTasklet(TerritorySummaryReport report, Warehouse warehouse, DataLayout layout) {
        this.report = report;
        this.warehouse = warehouse;
        this.layout = layout;
    }

    /** Where the period's report is written. */
    static Path output(DataLayout layout, YearMonth period) {
        return layout.reports().resolve("territory-summary-" + period + ".pdf");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var job = contribution.getStepExecution().getJobExecution();
        YearMonth period = PeriodParameter.of(job.getJobParameters());
        TableVersion mart = InputPinning.requirePinned(job).resolve(warehouse, TerritoryTables.TERRITORY_PERFORMANCE);
        var rows = TerritoryReportData.load(mart, period);
        Path output = AtomicFile.write(output(layout, period), out -> report.render(period, "CNY", rows, out));
        contribution.incrementWriteCount(rows.size());
        var context = contribution.getStepExecution().getExecutionContext();
        context.putString("report", output.toString());
        context.putString(InputPinning.STEP_CONTEXT_KEY, mart.table() + "=" + mart.version());
        return RepeatStatus.FINISHED;
    }
}
