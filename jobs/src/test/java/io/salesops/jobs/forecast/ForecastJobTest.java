package io.salesops.jobs.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.jobs.runtime.HorizonParameter;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.spark.SharedSpark;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * The forecast job on three years of generated exports, as of September 2025: every mart is
 * published and in the analysts' database; the actuals and the naive forecast agree with DuckDB's
 * own sum of the invoices; changing what happened after September changes nothing; and the same
 * inputs give the same files.
 */
@SpringBootTest(classes = JobsTestApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForecastJobTest {

    static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    static final YearMonth AS_OF = YearMonth.of(2025, 9);
    static final Path dataDir = JobTestDataDir.create("salesops-forecast-test");

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
    static void generateExports() throws Exception {
        new SampleDataGenerator().generate(new GeneratorSettings(0.002, 11, 36, LAST_MONTH), dataDir.resolve("landing"));
    }

    @Test
    @Order(1)
    void everyMartIsPublishedAndAgreesWithDuckDbsOwnSumOfTheInvoices() throws Exception {
        assertThat(jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution execution = run(AS_OF, 3);

        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        Dataset<Row> forecasts = read(ForecastTables.FORECASTS);
        assertThat(forecasts.where("level = 'company'").select("model").distinct().collectAsList())
                .extracting(r -> r.getString(0)).containsExactlyInAnyOrder("naive", "seasonal_naive", "ets");
        assertThat(forecasts.where("level = 'company' and model = 'ets'").orderBy("horizon")
                .collectAsList()).extracting(r -> r.<String>getAs("target_period"))
                .containsExactly("2025-10", "2025-11", "2025-12");
        assertThat(forecasts.select("level").distinct().collectAsList()).extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("company", "region", "territory", "rep");
        assertThat(forecasts.where("p10 > p50 or p50 > p90").count()).isZero();

        AnalystDatabase analysts = new AnalystDatabase(dataDir);
        // September's invoiced revenue in CNY, summed by DuckDB from the curated tables; each
        // invoice converted to the cent first, as territory performance does
        BigDecimal september = new BigDecimal(analysts.query("select sum(round(i.net_amount * case when i.currency"
                + " = 'CNY' then 1 else f.rate_to_cny end, 2)) from invoices i left join fx_rates f on f.currency = i.currency"
                + " and f.rate_date = date_trunc('month', i.invoice_date) where i.invoice_date between"
                + " date '2025-09-01' and date '2025-09-30'", 1).rows().get(0).get(0));
        Row backtest = read(ForecastTables.FORECAST_BACKTEST).where("level = 'company' and model = 'naive'"
                + " and target_period = '2025-09' and horizon = 1").first();
        assertThat(backtest.<BigDecimal>getAs("actual")).isEqualByComparingTo(september.setScale(2,
                java.math.RoundingMode.HALF_UP));
        Row naive = forecasts.where("level = 'company' and model = 'naive' and horizon = 1").first();
        assertThat(naive.<BigDecimal>getAs("p50")).isEqualByComparingTo(september.setScale(2,
                java.math.RoundingMode.HALF_UP));
        // the regions add up to the company, month by month
        assertThat(read(ForecastTables.FORECAST_BACKTEST).where("horizon = 1 and model = 'naive'")
                .groupBy("target_period").pivot("level", List.of("company", "region")).sum("actual")
                .where("company <> region").count()).isZero();

        Dataset<Row> accuracy = read(ForecastTables.FORECAST_ACCURACY);
        Row company = accuracy.where("level = 'company' and model = 'seasonal_naive' and horizon = 1").first();
        assertThat(company.<Long>getAs("months")).isEqualTo(12L);
        assertThat(company.<BigDecimal>getAs("fva_vs_seasonal_naive")).isEqualByComparingTo("0");
        assertThat(accuracy.where("coverage_80 < 0 or coverage_80 > 1 or wape < 0").count()).isZero();
        Dataset<Row> models = read(ForecastTables.FORECAST_MODELS).where("level = 'company'");
        assertThat(models.where("status = 'chosen'").count()).isEqualTo(1);

        long viaAnalysts = Long.parseLong(analysts.query("select count(*) from forecasts where as_of_period = '"
                + AS_OF + "'", 1).rows().get(0).get(0));
        assertThat(viaAnalysts).isEqualTo(forecasts.count());
    }

    @Test
    @Order(2)
    void theSameInputsGiveTheSameFiles() throws Exception {
        List<byte[]> first = partFiles(warehouse.requireCurrent(ForecastTables.FORECASTS));

        assertThat(run(AS_OF, 3).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<byte[]> second = partFiles(warehouse.requireCurrent(ForecastTables.FORECASTS));
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("part " + i).isEqualTo(first.get(i));
        }
    }

    @Test
    @Order(3)
    void changingWhatHappenedAfterTheAsOfMonthChangesNoForecast() {
        Dataset<Row> invoices = SparkTables.read(SharedSpark.get(), warehouse, CanonicalTables.INVOICES);
        Dataset<Row> fx = SparkTables.read(SharedSpark.get(), warehouse, CanonicalTables.FX_RATES);
        Dataset<Row> reps = SparkTables.read(SharedSpark.get(), warehouse, CanonicalTables.REPS);
        Dataset<Row> territories = SparkTables.read(SharedSpark.get(), warehouse, CanonicalTables.TERRITORIES);
        // every invoice after September five times as big, and each one again under another number
        Dataset<Row> later = invoices.where("invoice_date > date '2025-09-30'");
        Dataset<Row> changed = invoices.where("invoice_date <= date '2025-09-30'")
                .unionByName(later.withColumn("net_amount", col("net_amount").multiply(lit(5)).cast("decimal(18,2)")))
                .unionByName(later.withColumn("invoice_id", org.apache.spark.sql.functions.concat(col("invoice_id"),
                        lit("-again"))));
        assertThat(changed.count()).isGreaterThan(invoices.count());

        List<SeriesForecast> before = forecastAsOf(invoices, fx, reps, territories);
        List<SeriesForecast> after = forecastAsOf(changed, fx, reps, territories);

        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).forecasts()).as(before.get(i).level() + " " + before.get(i).key())
                    .isEqualTo(before.get(i).forecasts());
            assertThat(after.get(i).backtest()).isEqualTo(before.get(i).backtest());
        }
    }

    private static List<SeriesForecast> forecastAsOf(Dataset<Row> invoices, Dataset<Row> fx, Dataset<Row> reps,
                                                     Dataset<Row> territories) {
        Map<List<String>, io.salesops.jobs.forecast.model.MonthlySeries> series = ForecastComputation.series(
                ForecastComputation.monthlyRevenue(invoices, fx, reps, territories, AS_OF).collectAsList(), AS_OF);
        return ForecastComputation.forecast(series, new SeriesForecast.Settings(3, 12, true));
    }

    private static List<byte[]> partFiles(TableVersion version) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (Path file : version.partitionFiles("as_of_period", AS_OF.toString())) {
            out.add(Files.readAllBytes(file));
        }
        return out;
    }

    private Dataset<Row> read(io.salesops.warehouse.model.TableDefinition mart) {
        return SharedSpark.get().read().parquet(warehouse.requireCurrent(mart).parquetGlob())
                .where("as_of_period = '" + AS_OF + "'");
    }

    private JobExecution run(YearMonth period, int horizon) throws Exception {
        return jobOperator.start(forecast, HorizonParameter.add(PeriodParameter.add(new JobParametersBuilder(), period),
                horizon).addLong("run", System.nanoTime()).toJobParameters());
    }
}
