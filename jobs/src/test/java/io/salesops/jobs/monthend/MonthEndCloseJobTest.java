package io.salesops.jobs.monthend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.ingest.sample.DirtKind;
import io.salesops.ingest.sample.FileReport;
import io.salesops.ingest.sample.GenerationReport;
import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.jobs.runtime.ExecutionRestarter;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.territory.TerritoryTables;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.VersionRetention;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseFingerprint;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs monthEndClose for real (generated exports, Spark, Parquet, H2 job repository, JasperReports,
 * DuckDB) and checks its outputs against the generated files, then a rerun, a failure + restart,
 * a restart that must read the versions its execution pinned, and the asOf parameter. Retention
 * keeps two versions, so pruning runs after every publish.
 */
@SpringBootTest(classes = JobsTestApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthEndCloseJobTest {

    static final YearMonth PERIOD = YearMonth.of(2025, 6);
    static final Path dataDir = JobTestDataDir.create("salesops-monthend-test");
    static GenerationReport generated;
    static Map<String, String> firstFingerprint;
    static BigDecimal monthRevenue;

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job monthEndClose;
    @Autowired
    Warehouse warehouse;
    @Autowired
    DataLayout layout;
    @Autowired
    ExecutionRestarter restarter;
    @Autowired
    JobRepository jobRepository;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
        registry.add("salesops.warehouse.retain-versions", () -> "2");
    }

    @BeforeAll
    static void generateExports() throws Exception {
        generated = new SampleDataGenerator().generate(new GeneratorSettings(0.002, 7, 6, PERIOD),
                dataDir.resolve("landing"));
    }

    @Test
    @Order(1)
    void aRunLoadsEveryExportAndRendersTheTerritoryReport() throws Exception {
        // when
        JobExecution execution = run();

        // then: every generated record is in its table, quarantined, or a dropped duplicate
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        for (FileReport file : generated.files()) {
            long records = countRecords(dataDir.resolve("landing").resolve(file.path()), Charset.forName(file.encoding()));
            String source = "landing/" + file.path();
            long loaded = count(analyst, "select count(*) from " + file.table() + " where _source_file = '" + source + "'");
            long rejected = count(analyst, "select count(*) from ingest_rejects where source_file = '" + source + "'");
            assertThat(records).as(file.path()).isEqualTo(file.rows());
            assertThat(rejected).as("rejects of " + file.path())
                    .isEqualTo(file.dirt(DirtKind.BAD_DATE) + file.dirt(DirtKind.MISSING_KEY));
            assertThat(loaded).as("rows of " + file.path())
                    .isEqualTo(records - rejected - file.dirt(DirtKind.DUPLICATE_ROW));
        }
        // and the PDF shows the Chinese regions and the month's total revenue, computed here from
        // the curated tables independently of the Spark job
        String pdfText = pdfText(layout.reports().resolve("territory-summary-" + PERIOD + ".pdf"));
        assertThat(pdfText).contains("华东", "华南", PERIOD.toString());
        monthRevenue = expectedRevenue(analyst);
        assertThat(pdfText).contains(grouped(monthRevenue));
        firstFingerprint = WarehouseFingerprint.of(warehouse, WarehouseCatalog.ALL);
        assertThat(firstFingerprint).containsKeys("opportunities", "orders", "invoices", "reps",
                "territory_performance", "ingest_rejects");
    }

    @Test
    @Order(2)
    void aRerunOfTheSamePeriodDuplicatesNothing() throws Exception {
        // when
        JobExecution rerun = run();

        // then
        assertThat(rerun.getStatus()).as(rerun.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(WarehouseFingerprint.of(warehouse, WarehouseCatalog.ALL)).isEqualTo(firstFingerprint);
        // the exports were loaded before: the registry makes their second load a no-op
        assertThat(warehouse.history(io.salesops.warehouse.model.CanonicalTables.OPPORTUNITIES)).hasSize(1);
        var ingestStep = rerun.getStepExecutions().stream().filter(s -> s.getStepName().equals("finishIngest"))
                .findFirst().orElseThrow();
        assertThat(ingestStep.getExecutionContext().getLong("files.skipped")).isEqualTo(generated.files().size());
        assertThat(ingestStep.getExecutionContext().getLong("files")).isZero();
    }

    @Test
    @Order(3)
    void aFailedRunRestartsFromTheFailedStepAndEndsLikeAnUninterruptedOne() throws Exception {
        // given: the analyst database cannot be replaced (a directory squats on its name)
        Files.deleteIfExists(dataDir.resolve(AnalystDatabase.FILE_NAME));
        Path squatter = Files.createDirectories(dataDir.resolve(AnalystDatabase.FILE_NAME).resolve("x"));
        JobExecution failed = run();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStatus() == BatchStatus.COMPLETED)
                .extracting(s -> s.getStepName()).filteredOn(name -> !name.startsWith("ingestFile:"))
                .containsExactly("planIngest", "ingestFiles", "finishIngest", "publishWarehouse",
                        "computeTerritoryPerformance", "renderTerritoryReport");

        // when: the cause is removed and the execution restarted
        Files.delete(squatter);
        Files.delete(squatter.getParent());
        JobExecution restarted = restarter.restart(failed.getId());

        // then: only the failed step ran again, and the warehouse equals the uninterrupted run's
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .containsExactly("refreshAnalystDatabase");
        assertThat(WarehouseFingerprint.of(warehouse, WarehouseCatalog.ALL)).isEqualTo(firstFingerprint);
    }

    @Test
    @Order(4)
    void aRestartReadsTheVersionsItsExecutionPinnedWhileNewerOnesArePublishedAndOlderOnesPruned() throws Exception {
        // given: a run that fails in the report step, after publishing (and pinning) its mart version
        Path pdf = layout.reports().resolve("territory-summary-" + PERIOD + ".pdf");
        Files.deleteIfExists(pdf);
        Path squatter = Files.createDirectories(pdf.resolve("x"));
        JobExecution failed = run();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        WarehouseSnapshot pinned = InputPinning.requirePinned(failed);
        int martVersion = pinned.version("territory_performance").orElseThrow();
        assertThat(pinned.format()).isEqualTo("fx_rates=1,invoices=1,quotas=1,reps=1,territories=1,"
                + "territory_performance=" + martVersion);
        assertThat(stepContext(failed, "computeTerritoryPerformance").getString(InputPinning.STEP_CONTEXT_KEY))
                .isEqualTo("fx_rates=1,invoices=1,quotas=1,reps=1,territories=1");
        // and: two newer versions of the period's mart, then another job's publish prunes to one version
        publishBogusMart("bogus-1");
        publishBogusMart("bogus-2");
        StepExecution otherPublish = new StepExecution("publish",
                new JobExecution(-1L, new JobInstance(-1L, "other"), new JobParameters()));
        new PruneAfterPublish(new VersionRetention(warehouse, 1), jobRepository)
                .prune(otherPublish, List.of(TerritoryTables.TERRITORY_PERFORMANCE));
        assertThat(warehouse.history(TerritoryTables.TERRITORY_PERFORMANCE)).as("the failed execution's pin is held")
                .extracting(TableVersion::version).containsExactly(martVersion + 2, martVersion + 1, martVersion);

        // when
        Files.delete(squatter);
        Files.delete(pdf);
        JobExecution restarted = restarter.restart(failed.getId());

        // then: the report shows the pinned mart, not the newer current one
        assertThat(restarted.getStatus()).as(restarted.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .containsExactly("renderTerritoryReport", "refreshAnalystDatabase");
        assertThat(InputPinning.requirePinned(restarted)).isEqualTo(pinned);
        assertThat(stepContext(restarted, "renderTerritoryReport").getString(InputPinning.STEP_CONTEXT_KEY))
                .isEqualTo("territory_performance=" + martVersion);
        assertThat(pdfText(pdf)).contains(grouped(monthRevenue)).doesNotContain("bogus", "999,999,999.99");
    }

    @Test
    @Order(5)
    void asOfReadsTheNamedInputVersionAndIsCheckedBeforeAnyStep() throws Exception {
        // given: a newer, empty version of invoices is current
        warehouse.stage(CanonicalTables.INVOICES, "emptied");
        assertThat(warehouse.publish(CanonicalTables.INVOICES, "emptied").version()).isEqualTo(2);
        List<TableVersion> martsBefore = warehouse.history(TerritoryTables.TERRITORY_PERFORMANCE);

        // when / then: an unknown table or a missing version fails the launch, and nothing runs
        assertThatThrownBy(() -> run("deals=1")).isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("job parameter asOf names table deals, which this job does not read; it reads fx_rates,"
                        + " invoices, quotas, reps, territories");
        assertThatThrownBy(() -> run("invoices=9")).isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("job parameter asOf: table invoices has no version 9 (the newest is 2); versions that"
                        + " exist: 1, 2 (current: 2)");
        assertThat(warehouse.history(TerritoryTables.TERRITORY_PERFORMANCE)).isEqualTo(martsBefore);

        // when: invoices is pinned to its first version
        JobExecution execution = run("invoices=1");

        // then: the month's revenue comes from version 1, though version 2 is current
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(stepContext(execution, "computeTerritoryPerformance").getString(InputPinning.STEP_CONTEXT_KEY))
                .isEqualTo("fx_rates=1,invoices=1,quotas=1,reps=1,territories=1");
        assertThat(warehouse.requireCurrent(CanonicalTables.INVOICES).version()).isEqualTo(2);
        assertThat(pdfText(layout.reports().resolve("territory-summary-" + PERIOD + ".pdf")))
                .contains(grouped(monthRevenue));
    }

    private void publishBogusMart(String batchId) throws Exception {
        Path partition = warehouse.stagePartition(TerritoryTables.TERRITORY_PERFORMANCE, batchId, PERIOD.toString());
        try (ParquetRowWriter writer = new ParquetRowWriter(partition.resolve("part-00000.parquet"),
                "territory_performance", TerritoryTables.TERRITORY_PERFORMANCE.storedColumns())) {
            writer.write(new Object[] {PERIOD.toString(), "bogus", "bogus", "华东", new BigDecimal("999999999.99"),
                    new BigDecimal("1.00"), new BigDecimal("999999999.990000"), 1L, 1L, "CNY"});
        }
        warehouse.publish(TerritoryTables.TERRITORY_PERFORMANCE, batchId);
    }

    private static ExecutionContext stepContext(JobExecution execution, String stepName) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(stepName)).findFirst()
                .orElseThrow().getExecutionContext();
    }


    private JobExecution run() throws Exception {
        return run(null);
    }

    private JobExecution run(String asOf) throws Exception {
        JobParametersBuilder parameters = PeriodParameter.add(new JobParametersBuilder(), PERIOD)
                .addLong("run", System.nanoTime());
        if (asOf != null) {
            parameters.addString("asOf", asOf);
        }
        return jobOperator.start(monthEndClose, parameters.toJobParameters());
    }

    private static BigDecimal expectedRevenue(AnalystDatabase analyst) {
        String sql = "select sum(round(i.net_amount * case when i.currency = 'CNY' then 1 else f.rate_to_cny end, 2))"
                + " from invoices i left join fx_rates f on f.currency = i.currency"
                + " and f.rate_date = date_trunc('month', i.invoice_date)"
                + " where strftime(i.invoice_date, '%Y-%m') = '" + PERIOD + "'";
        return new BigDecimal(analyst.query(sql, 1).rows().get(0).get(0));
    }

    private static String grouped(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private static long count(AnalystDatabase analyst, String sql) {
        return Long.parseLong(analyst.query(sql, 1).rows().get(0).get(0));
    }

    private static long countRecords(Path file, Charset charset) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, charset);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.stream().count();
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
