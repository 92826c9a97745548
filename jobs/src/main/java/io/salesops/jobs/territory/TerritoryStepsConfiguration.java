package io.salesops.jobs.territory;

import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.mart.MartSteps;
import io.salesops.reports.pdf.ReportFont;
import io.salesops.reports.territory.TerritorySummaryReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import java.time.Clock;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two steps of territory performance, which monthEndClose runs after publishing the warehouse:
 * the mart on Spark, then its PDF from the version just published.
 */
@Configuration(proxyBeanMethods = false)
public class TerritoryStepsConfiguration {

    public static final TerritoryPerformance COMPUTATION = new TerritoryPerformance();

    /** "Generated at" is printed in the business time zone, not the server's. */
    @Bean
    TerritorySummaryReport territorySummaryReport(SalesOpsProperties properties) {
        return new TerritorySummaryReport(ReportFont.fromSystemProperties(), Clock.system(properties.zone()));
    }

    @Bean
    Step computeTerritoryPerformance(MartSteps marts) {
        return marts.step("computeTerritoryPerformance", COMPUTATION);
    }

    @Bean
    Step renderTerritoryReport(JobRepository jobRepository, TerritorySummaryReport report, Warehouse warehouse,
                               DataLayout layout) {
        return new StepBuilder("renderTerritoryReport", jobRepository)
                .tasklet(new TerritoryReportTasklet(report, warehouse, layout)).build();
    }
}
