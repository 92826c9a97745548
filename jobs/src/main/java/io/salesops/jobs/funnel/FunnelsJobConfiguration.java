package io.salesops.jobs.funnel;

import io.salesops.jobs.activity.RepActivityComputation;
import io.salesops.jobs.attribution.AttributionComputation;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.mart.MartSteps;
import io.salesops.jobs.pipeline.PipelineComputation;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.ProcessOwnerListener;
import io.salesops.jobs.worklist.WorklistComputation;
import io.salesops.reports.funnel.FunnelReport;
import io.salesops.reports.pdf.ReportFont;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * funnels: the period's conversion funnels, its pipeline, marketing attribution, rep activity and
 * the managers' work lists, on Spark over the warehouse as it is → the funnel PDF → analyst views.
 */
@Configuration(proxyBeanMethods = false)
public class FunnelsJobConfiguration {

    public static final String JOB_NAME = "funnels";

    @Bean
    FunnelCatalog funnelCatalog(SalesOpsProperties properties) {
        return new FunnelCatalog(properties.dataDir().resolve("funnels"));
    }

    @Bean
    FunnelComputation funnelComputation(FunnelCatalog catalog, SalesOpsProperties properties) {
        return new FunnelComputation(catalog, properties.zone());
    }

    /** "Generated at" is printed in the business time zone, not the server's. */
    @Bean
    FunnelReport funnelReport(SalesOpsProperties properties) {
        return new FunnelReport(ReportFont.fromSystemProperties(), Clock.system(properties.zone()));
    }

    @Bean
    Step renderFunnelReport(JobRepository jobRepository, FunnelReport report, FunnelCatalog catalog,
                            Warehouse warehouse, DataLayout layout) {
        return new StepBuilder("renderFunnelReport", jobRepository)
                .tasklet(new FunnelReportTasklet(report, catalog, warehouse, layout)).build();
    }

    @Bean
    Step computeFunnels(MartSteps marts, FunnelComputation funnels) {
        return marts.step("computeFunnels", funnels);
    }

    @Bean
    PipelineComputation pipelineComputation(SalesOpsProperties properties) {
        return new PipelineComputation(properties.zone());
    }

    @Bean
    Step computePipeline(MartSteps marts, PipelineComputation pipeline) {
        return marts.step("computePipeline", pipeline);
    }

    @Bean
    AttributionComputation attributionComputation(SalesOpsProperties properties) {
        return new AttributionComputation(properties.zone());
    }

    @Bean
    Step computeAttribution(MartSteps marts, AttributionComputation attribution) {
        return marts.step("computeAttribution", attribution);
    }

    @Bean
    RepActivityComputation repActivityComputation(SalesOpsProperties properties) {
        return new RepActivityComputation(properties.zone());
    }

    @Bean
    Step computeRepActivity(MartSteps marts, RepActivityComputation repActivity) {
        return marts.step("computeRepActivity", repActivity);
    }

    @Bean
    WorklistComputation worklistComputation(SalesOpsProperties properties) {
        return new WorklistComputation(properties.zone());
    }

    @Bean
    Step computeWorklists(MartSteps marts, WorklistComputation worklists) {
        return marts.step("computeWorklists", worklists);
    }

    @Bean
    Job funnels(JobRepository jobRepository, MartSteps marts, FunnelComputation funnels,
                PipelineComputation pipeline, AttributionComputation attribution, RepActivityComputation repActivity,
                WorklistComputation worklists, Step computeFunnels, Step computePipeline, Step computeAttribution,
                Step computeRepActivity, Step computeWorklists, Step renderFunnelReport,
                Step refreshAnalystDatabase) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new JobParameterRules(new PeriodParameter(),
                        marts.asOf(funnels, pipeline, attribution, repActivity, worklists)))
                .listener(new ProcessOwnerListener(jobRepository))
                .start(computeFunnels)
                .next(computePipeline)
                .next(computeAttribution)
                .next(computeRepActivity)
                .next(computeWorklists)
                .next(renderFunnelReport)
                .next(refreshAnalystDatabase)
                .build();
    }
}
