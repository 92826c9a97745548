package io.salesops.jobs.config;

import io.salesops.ingest.batch.IngestSettings;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.jobs.mart.MartSteps;
import io.salesops.jobs.runtime.ExecutionRestarter;
import io.salesops.jobs.runtime.RefreshAnalystTasklet;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkProperties;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.VersionRetention;
import io.salesops.warehouse.store.Warehouse;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.batch.autoconfigure.BatchConversionServiceCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared pieces every job uses, built from typed configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SalesOpsProperties.class, SparkProperties.class, WarehouseProperties.class,
        IngestProperties.class})
public class SalesOpsInfrastructure {

    /** The job repository stores the typed period parameter (a YearMonth) as YYYY-MM. */
    @Bean
    BatchConversionServiceCustomizer periodParameterConversions() {
        return PeriodParameter.conversions();
    }

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

    /** Builds the step of every analytics job (pin → read → compute → stage → publish → prune). */
    @Bean
    MartSteps martSteps(JobRepository jobRepository, SparkSessionProvider spark, Warehouse warehouse,
                        PruneAfterPublish retention) {
        return new MartSteps(jobRepository, spark, warehouse, retention);
    }

    /** Every job's last step: the analysts' files get the current version of every table of the catalogue. */
    @Bean
    Step refreshAnalystDatabase(JobRepository jobRepository, AnalystDatabase analyst, Warehouse warehouse) {
        return new StepBuilder("refreshAnalystDatabase", jobRepository)
                .tasklet(new RefreshAnalystTasklet(analyst, warehouse, WarehouseCatalog.ALL)).build();
    }
}
