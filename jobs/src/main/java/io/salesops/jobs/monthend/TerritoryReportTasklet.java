package io.salesops.jobs.monthend;

import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.territory.TerritoryReportData;
import io.salesops.jobs.territory.TerritoryTables;
import io.salesops.reports.territory.TerritorySummaryReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final String period;

    TerritoryReportTasklet(TerritorySummaryReport report, Warehouse warehouse, DataLayout layout, String period) {
        this.report = report;
        this.warehouse = warehouse;
        this.layout = layout;
        this.period = period;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        TableVersion mart = InputPinning.requirePinned(contribution.getStepExecution().getJobExecution())
                .resolve(warehouse, TerritoryTables.TERRITORY_PERFORMANCE);
        var rows = TerritoryReportData.load(mart, period);
        Path output = Files.createDirectories(layout.reports()).resolve("territory-summary-" + period + ".pdf");
        report.render(period, "CNY", rows, output);
        contribution.incrementWriteCount(rows.size());
        var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        context.putString("report", output.toString());
        context.putString(InputPinning.STEP_CONTEXT_KEY, mart.table() + "=" + mart.version());
        return RepeatStatus.FINISHED;
    }
}
