package io.salesops.jobs.config;

import io.salesops.ingest.batch.IngestSettings;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.jobs.runtime.ExecutionRestarter;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkProperties;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.reports.pdf.ReportFont;
import io.salesops.reports.territory.TerritorySummaryReport;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.VersionRetention;
import io.salesops.warehouse.store.Warehouse;
import java.time.Clock;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared pieces every job uses, built from typed configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SalesOpsProperties.class, SparkProperties.class, WarehouseProperties.class,
        IngestProperties.class})
public class SalesOpsInfrastructure {

    @Bean
    DataLayout dataLayout(SalesOpsProperties properties) {
        return new DataLayout(properties.dataDir());
    }

    @Bean
    Warehouse warehouse(DataLayout layout) {
        return new Warehouse(layout.warehouse());
    }

    /** Old versions go after each publish: salesops.warehouse.retain-versions, and what jobs still read. */
    @Bean
    PruneAfterPublish pruneAfterPublish(Warehouse warehouse, WarehouseProperties properties,
                                        JobRepository jobRepository) {
        return new PruneAfterPublish(new VersionRetention(warehouse, properties.retainVersions()), jobRepository);
    }

    @Bean
    AnalystDatabase analystDatabase(DataLayout layout, SalesOpsProperties properties) {
        return new AnalystDatabase(layout.root(), properties.sharedAnalystGroup());
    }

    @Bean
    LandingIngest landingIngest(Warehouse warehouse, SalesOpsProperties properties, IngestProperties ingest) {
        return new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(properties.zone(), properties.maxRejectRatio(), ingest.threads(),
                        ingest.allowedDirs(), ingest.dedupeMemory().toBytes(), ingest.references()));
    }

    @Bean(destroyMethod = "close")
    SparkSessionProvider sparkSessionProvider(SparkProperties properties, DataLayout layout) {
        return new SparkSessionProvider(properties, layout.work().resolve("spark"));
    }

    @Bean
    ExecutionRestarter executionRestarter(JobRepository jobRepository, JobOperator jobOperator) {
        return new ExecutionRestarter(jobRepository, jobOperator);
    }

    /** "Generated at" is printed in the business time zone, not the server's. */
    @Bean
    TerritorySummaryReport territorySummaryReport(SalesOpsProperties properties) {
        return new TerritorySummaryReport(ReportFont.fromSystemProperties(), Clock.system(properties.zone()));
    }
}
