package io.salesops.jobs.funnel;

import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.reports.funnel.FunnelReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.files.AtomicFile;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders reports/funnels-PERIOD.pdf from the mart versions this execution published (pinned in
 * the job context), not from whatever versions are current by now. Written whole or not at all.
 */
final class FunnelReportTasklet implements Tasklet {

    private final FunnelReport report;
    private final FunnelCatalog catalog;
    private final Warehouse warehouse;
    private final DataLayout layout;

    FunnelReportTasklet(FunnelReport report, FunnelCatalog catalog, Warehouse warehouse, DataLayout layout) {
        this.report = report;
        this.catalog = catalog;
        this.warehouse = warehouse;
        this.layout = layout;
    }

    /** Where the period's report is written. */
    static Path output(DataLayout layout, YearMonth period) {
        return layout.reports().resolve("funnels-" + period + ".pdf");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var job = contribution.getStepExecution().getJobExecution();
        YearMonth period = PeriodParameter.of(job.getJobParameters());
        var pinned = InputPinning.requirePinned(job);
        var data = new FunnelReportLoader(mart -> pinned.resolve(warehouse, mart)).load(catalog.load(), period);
        Path output = AtomicFile.write(output(layout, period), out -> report.render(data, out));
        contribution.incrementWriteCount(data.steps().size());
        contribution.getStepExecution().getExecutionContext().putString("report", output.toString());
        return RepeatStatus.FINISHED;
    }
}
