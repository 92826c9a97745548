package io.salesops.jobs.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.FileTrees;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Path;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A company that exports only its ERP and organisation, 18 months of it: no leads, no
 * opportunities, no campaigns. The forecast still runs on its invoices, gives the models 18 months
 * allow and says for each seasonal ETS model why it could not be fitted.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class RunRateOnlyForecastJobTest {

    static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    static final Path dataDir = JobTestDataDir.create("salesops-forecast-erp-only-test");

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier(ForecastJobConfiguration.JOB_NAME)
    Job forecast;
    @Autowired
    @Qualifier(IngestJobConfiguration.JOB_NAME)
    Job ingest;
    @Autowired
    Warehouse warehouse;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @BeforeAll
    static void generateErpExportsOnly() throws Exception {
        Path landing = dataDir.resolve("landing");
        new SampleDataGenerator().generate(new GeneratorSettings(0.001, 5, 18, LAST_MONTH), landing);
        FileTrees.deleteIfExists(landing.resolve("crm"));
        FileTrees.deleteIfExists(landing.resolve("marketing"));
    }

    @Test
    void eighteenMonthsOfInvoicesAndNoCrmGiveTheModelsTheyAllowAndSayWhyNotTheRest() throws Exception {
        JobExecution loaded = jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .toJobParameters());
        assertThat(loaded.getStatus()).as(loaded.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(warehouse.current(CanonicalTables.OPPORTUNITIES)).isEmpty();
        assertThat(warehouse.current(CanonicalTables.LEADS)).isEmpty();

        JobExecution execution = jobOperator.start(forecast, PeriodParameter.add(new JobParametersBuilder(), LAST_MONTH)
                .addLong("run", System.nanoTime()).toJobParameters());

        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        Dataset<Row> forecasts = read(ForecastTables.FORECASTS).where("level = 'company'");
        assertThat(forecasts.select("model").distinct().collectAsList()).extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("naive", "seasonal_naive", "ets");
        assertThat(forecasts.where("horizon = 1").select("target_period").distinct().first().getString(0))
                .isEqualTo("2026-01");
        Dataset<Row> models = read(ForecastTables.FORECAST_MODELS).where("level = 'company'");
        assertThat(models.where("status = 'chosen'").count()).isEqualTo(1);
        assertThat(models.where("status = 'not_fitted' and model like 'ets(%' and detail like 'a seasonal model needs 24"
                + " months of history to start its season, the series has 1_'").count()).isEqualTo(6);
        assertThat(read(ForecastTables.FORECAST_ACCURACY).where("level = 'company' and model = 'naive'").count())
                .isEqualTo(3);
    }

    private Dataset<Row> read(io.salesops.warehouse.model.TableDefinition mart) {
        return SharedSpark.get().read().parquet(warehouse.requireCurrent(mart).parquetGlob())
                .where("as_of_period = '" + LAST_MONTH + "'");
    }
}
