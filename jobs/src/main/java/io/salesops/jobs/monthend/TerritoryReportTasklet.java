package io.salesops.jobs.monthend;

import io.salesops.jobs.territory.TerritoryReportData;
import io.salesops.jobs.territory.TerritoryTables;
import io.salesops.reports.territory.TerritorySummaryReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders reports/territory-summary-PERIOD.pdf from the published mart. */
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
        var rows = TerritoryReportData.load(warehouse.requireCurrent(TerritoryTables.TERRITORY_PERFORMANCE), period);
        Path output = Files.createDirectories(layout.reports()).resolve("territory-summary-" + period + ".pdf");
        report.render(period, "CNY", rows, output);
        contribution.incrementWriteCount(rows.size());
        chunkContext.getStepContext().getStepExecution().getExecutionContext()
                .putString("report", output.toString());
        return RepeatStatus.FINISHED;
    }
}
