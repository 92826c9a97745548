package io.salesops.jobs.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.jobs.pipeline.PipelineMovement;
import io.salesops.jobs.pipeline.PipelineTables;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
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
 * The funnels job on generated exports: both shipped funnels are published, hold their invariants,
 * and are in the analysts' database; the pipeline of a month starts where the previous month's
 * ended and adds up; a company's broken funnel file fails the step before anything
 * is computed, naming the file, the line and the key, and publishes nothing.
 */
@SpringBootTest(classes = JobsTestApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunnelsJobTest {

    static final YearMonth PERIOD = YearMonth.of(2025, 6);
    static final Path dataDir = JobTestDataDir.create("salesops-funnels-test");

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("funnels")
    Job funnels;
    @Autowired
    @Qualifier(IngestJobConfiguration.JOB_NAME)
    Job ingest;
    @Autowired
    Warehouse warehouse;
    @Autowired
    io.salesops.warehouse.DataLayout layout;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @BeforeAll
    static void generateExports() throws Exception {
        new SampleDataGenerator().generate(new GeneratorSettings(0.002, 11, 6, PERIOD), dataDir.resolve("landing"));
    }

    @Test
    @Order(1)
    void bothShippedFunnelsArePublishedHoldTheirInvariantsAndReachTheAnalysts() throws Exception {
        assertThat(jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution may = run(PERIOD.minusMonths(1));
        JobExecution execution = run(PERIOD);

        assertThat(may.getStatus()).as(may.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        TableVersion mart = warehouse.requireCurrent(FunnelTables.FUNNEL_CONVERSION);
        Dataset<Row> conversion = SharedSpark.get().read().parquet(mart.parquetGlob())
                .where("period = '" + PERIOD + "'");
        assertThat(conversion.select("funnel").distinct().collectAsList()).extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("lead-to-won", "opportunity-to-won");
        assertThat(FunnelInvariants.violations(conversion.where("funnel = 'lead-to-won'"), 8)).isEmpty();
        assertThat(FunnelInvariants.violations(conversion.where("funnel = 'opportunity-to-won'"), 5)).isEmpty();
        // the generator converts about one lead in eight: the lead step of the last six months is that far
        long leads = conversion.where("funnel = 'lead-to-won' and dimension = 'all' and step = 'lead'")
                .agg(org.apache.spark.sql.functions.sum("entered")).first().getLong(0);
        long converted = conversion.where("funnel = 'lead-to-won' and dimension = 'all' and step = 'opportunity'")
                .agg(org.apache.spark.sql.functions.sum("entered")).first().getLong(0);
        assertThat(leads).isPositive();
        assertThat((double) converted / leads).isBetween(0.05, 0.25);
        Row wins = read(FunnelTables.WIN_RATES).where("dimension = 'all' and period = '" + PERIOD + "'").first();
        assertThat(wins.<Long>getAs("won") + wins.<Long>getAs("lost")).isPositive();
        assertThat(wins.<Long>getAs("open_deals")).isPositive();
        Dataset<Row> durations = read(FunnelTables.FUNNEL_DURATIONS).where("period = '" + PERIOD + "'");
        assertThat(durations.where("funnel = 'opportunity-to-won' and dimension = 'all' and step = 'cycle_to_won'")
                .count()).isEqualTo(wins.<Long>getAs("won") > 0 ? 1 : 0);
        assertPipelineAddsUp();
        assertAttributionModelsAgree();
        Row activity = read(io.salesops.jobs.activity.ActivityTables.REP_ACTIVITY).where("period = '" + PERIOD + "'")
                .selectExpr("sum(leads_assigned)", "sum(calls + visits + emails + meetings + samples_sent)",
                        "sum(won)").first();
        assertThat(activity.getLong(0)).isPositive();
        assertThat(activity.getLong(1)).isPositive();
        assertThat(activity.getLong(2)).isEqualTo(wins.<Long>getAs("won"));
        assertThat(read(io.salesops.jobs.worklist.WorklistTables.FOLLOWUPS_DUE).where("period = '" + PERIOD + "'")
                .count()).isPositive();
        for (var list : List.of(io.salesops.jobs.worklist.WorklistTables.CHURN_RISK,
                io.salesops.jobs.worklist.WorklistTables.RENEWALS_DUE)) {
            assertThat(warehouse.current(list)).as(list.name()).isPresent();
        }
        List<List<String>> fromAnalysts = new AnalystDatabase(dataDir).query("select count(*) from funnel_conversion"
                + " where period = '" + PERIOD + "'", 1).rows();
        assertThat(Long.parseLong(fromAnalysts.get(0).get(0))).isEqualTo(conversion.count());
        assertTheReportPrintsTheMarts(conversion);
    }

    @Test
    @Order(2)
    void aBrokenCompanyFunnelFailsTheStepNamingFileLineAndKeyAndPublishesNothing() throws Exception {
        long versions = warehouse.history(FunnelTables.FUNNEL_CONVERSION).size();
        Path file = Files.createDirectories(dataDir.resolve("funnels")).resolve("ours.yaml");
        Files.writeString(file, """
                id: ours
                name: 我们的漏斗 Our funnel
                member: lead
                steps:
                  - {id: lead, name: Lead, reached: lead_created}
                  - {id: demo, name: Demo, reached: meeting}
                """);

        JobExecution execution = run(PERIOD);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).singleElement().asString()
                .contains(file + " line 6, key steps[2].reached: must be one of lead_created, lead_status,"
                        + " converted, opportunity_created, stage, won, cannot be: meeting");
        assertThat(warehouse.history(FunnelTables.FUNNEL_CONVERSION)).hasSize((int) versions);
        Files.delete(file);
    }

    /**
     * June's movement starts from May's snapshot (the job ran for May first), adds up to June's end,
     * and the end is what pipeline_snapshot sums.
     */
    private void assertPipelineAddsUp() {
        Dataset<Row> movement = read(PipelineTables.PIPELINE_MOVEMENT);
        Dataset<Row> june = movement.where("period = '" + PERIOD + "'");
        assertThat(PipelineMovement.violations(june)).isEmpty();
        assertThat(PipelineMovement.violations(movement.where("period = '" + PERIOD.minusMonths(1) + "'"))).isEmpty();
        assertThat(june.select("start_basis").distinct().collectAsList()).extracting(r -> r.getString(0))
                .containsExactly("snapshot");
        Row end = june.where("movement = 'end'").first();
        Row start = june.where("movement = 'start'").first();
        Row snapshot = read(PipelineTables.PIPELINE_SNAPSHOT).where("period = '" + PERIOD + "'")
                .agg(org.apache.spark.sql.functions.sum("deals"), org.apache.spark.sql.functions.sum("amount")).first();
        assertThat(end.<Long>getAs("deals")).isPositive().isEqualTo(snapshot.getLong(0));
        assertThat(end.getDecimal(end.fieldIndex("amount"))).isEqualByComparingTo(snapshot.getDecimal(1));
        assertThat(start.<Long>getAs("deals")).isEqualTo(read(PipelineTables.PIPELINE_DEALS)
                .where("period = '" + PERIOD.minusMonths(1) + "'").count());
    }

    /**
     * The PDF prints the period, the lead-to-won funnel's lead step summed over its twelve cohorts as
     * funnel_conversion holds it, and the region that closed most deals by its Chinese name.
     */
    private void assertTheReportPrintsTheMarts(Dataset<Row> conversion) throws Exception {
        Path pdf = FunnelReportTasklet.output(layout, PERIOD);
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        long leads = conversion.where("funnel = 'lead-to-won' and dimension = 'all' and step = 'lead'"
                + " and cohort_month >= '" + PERIOD.minusMonths(11) + "'")
                .agg(org.apache.spark.sql.functions.sum("entered")).first().getLong(0);
        Row region = read(FunnelTables.WIN_RATES).where("period = '" + PERIOD + "' and dimension = 'region'")
                .orderBy(org.apache.spark.sql.functions.expr("won + lost").desc(),
                        org.apache.spark.sql.functions.col("dimension_value")).first();
        assertThat(text).contains("2025-06", String.format(java.util.Locale.ROOT, "%,d", leads))
                .contains(region.<String>getAs("dimension_value"));
        assertThat(region.<String>getAs("dimension_value")).matches(".*\\p{IsHan}.*");
        assertThat(Files.getPosixFilePermissions(pdf)).containsOnly(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    /** Every model credits the same leads and won amount (rounded per row: within a cent a campaign). */
    private void assertAttributionModelsAgree() {
        Dataset<Row> attribution = read(io.salesops.jobs.attribution.AttributionTables.MARKETING_ATTRIBUTION)
                .where("period = '" + PERIOD + "'");
        List<Row> models = attribution.groupBy("model").agg(org.apache.spark.sql.functions.sum("leads"),
                org.apache.spark.sql.functions.sum("won_amount"), org.apache.spark.sql.functions.count("*"))
                .orderBy("model").collectAsList();
        assertThat(models).extracting(r -> r.getString(0))
                .containsExactly("first_touch", "last_touch", "linear", "time_decay");
        java.math.BigDecimal won = models.get(0).getDecimal(2);
        assertThat(won).isPositive();
        for (Row model : models) {
            assertThat(model.getDecimal(1).doubleValue()).isCloseTo(models.get(0).getDecimal(1).doubleValue(),
                    org.assertj.core.data.Offset.offset(0.001 * model.getLong(3)));
            assertThat(model.getDecimal(2).subtract(won).abs()).isLessThanOrEqualTo(
                    new java.math.BigDecimal("0.01").multiply(java.math.BigDecimal.valueOf(model.getLong(3))));
        }
        assertThat(attribution.select("channel").distinct().collectAsList()).extracting(r -> r.getString(0))
                .contains("trade_show");
    }

    private Dataset<Row> read(io.salesops.warehouse.model.TableDefinition mart) {
        return SharedSpark.get().read().parquet(warehouse.requireCurrent(mart).parquetGlob());
    }

    private JobExecution run(YearMonth period) throws Exception {
        return jobOperator.start(funnels, PeriodParameter.add(new JobParametersBuilder(), period)
                .addLong("run", System.nanoTime()).toJobParameters());
    }
}
