package io.salesops.jobs.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import java.io.File;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * Funnels on foreign data (src/test/resources/foreign-crm), loaded through YAML mappings: a US
 * CRM's deals (Prospecting, Engaging, Won, Lost; no stage history, no accounts, USD) and a
 * marketing tool's MQL export whose converted leads name their deals. The figures are worked out by
 * hand below; the funnels are of June 2026, the cohort is May's.
 *
 * <pre>
 * deal  owner (region)  source      stage        USD     closed
 * U1    R01 (华东)      trade_show  Won          10,000  10 June
 * U2    R02 (华南)      website     Won           5,000  12 June
 * U3    R01             website     Lost          8,000  15 June
 * U4    R02             trade_show  Engaging      3,000  (qualification)
 * U5    R01             website     Prospecting   2,000  (the opportunity funnel has no such step)
 * U6    R02             trade_show  Lost          1,000  20 May
 * U7    R01             website     Won           4,000  25 May
 * leads: M1 → U1, M2 → U3 (converted), M3 and M4 (MQL, open)
 * </pre>
 *
 * Without history a deal counts at its current stage: a won deal passed qualification, proposal
 * and negotiation without a record of them (skipped); a lost one is lost at its last step, the
 * opportunity. Win rates of June: U1 and U2 won (15,000 USD × 7.1 = 106,500 CNY), U3 lost (56,800),
 * U4 and U5 open; May's U6 and U7 do not count. Cycle: U1 from 3 May 09:00 to 10 June, 37.625
 * days; U2 38.625; mean 38.125. Velocity: 2 open × 0.666667 × 53,250 ÷ 38.125 = 1,862.30 a day.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class ForeignExportFunnelTest {

    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final Path FIXTURES = Path.of("src/test/resources/foreign-crm").toAbsolutePath();
    static final Path dataDir = JobTestDataDir.create("salesops-foreign-funnel-test");

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

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @Test
    void theFunnelsAndWinRatesOfAUsCrmAndAnMqlExportAreTheHandWorkedOnes() throws Exception {
        ingest(null, FIXTURES.resolve("org/reps.csv"), FIXTURES.resolve("org/territories.csv"),
                FIXTURES.resolve("org/fx_rates.csv"));
        ingest(FIXTURES.resolve("deals.yaml"), FIXTURES.resolve("deals.csv"));
        ingest(FIXTURES.resolve("mqls.yaml"), FIXTURES.resolve("mqls.csv"));

        JobExecution run = jobOperator.start(funnels, PeriodParameter.add(new JobParametersBuilder(), JUNE)
                .addLong("run", System.nanoTime()).toJobParameters());
        assertThat(run.getStatus()).as(run.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);

        Dataset<Row> conversion = read(FunnelTables.FUNNEL_CONVERSION).where("cohort_month = '2026-05'");
        assertThat(steps(conversion.where("funnel = 'opportunity-to-won' and dimension = 'all'"))).containsExactly(
                "opportunity 7 4 2 1 0 false", "qualification 4 3 0 1 3 false", "proposal 3 3 0 0 3 false",
                "negotiation 3 3 0 0 3 false", "won 3 3 0 0 0 false");
        assertThat(steps(conversion.where("funnel = 'opportunity-to-won' and dimension = 'region' and step_order = 0")
                .orderBy("dimension_value"))).containsExactly("opportunity 4 2 1 1 0 false", "opportunity 3 2 1 0 0 false");
        assertThat(steps(conversion.where("funnel = 'lead-to-won' and dimension = 'all'"))).containsExactly(
                "lead 4 4 0 0 0 false", "mql 4 2 0 2 0 false", "sql 2 2 0 0 0 false", "opportunity 2 1 1 0 0 false",
                "qualification 1 1 0 0 1 false", "proposal 1 1 0 0 1 false", "negotiation 1 1 0 0 1 false",
                "won 1 1 0 0 0 false");
        assertThat(steps(conversion.where("funnel = 'lead-to-won' and dimension = 'source'"
                + " and dimension_value = 'website' and entered > 0"))).containsExactly(
                "lead 2 2 0 0 0 false", "mql 2 1 0 1 0 false", "sql 1 1 0 0 0 false", "opportunity 1 0 1 0 0 false");

        Dataset<Row> winRates = read(FunnelTables.WIN_RATES).where("period = '" + JUNE + "'");
        assertThat(rates(winRates.where("dimension = 'all'"))).containsExactly(
                "all 2 1 2 0.666667 0.652174 53250.00 38.125000 1862.30");
        assertThat(rates(winRates.where("dimension in ('source', 'region')").orderBy("dimension", "dimension_value")))
                .extracting(line -> line.substring(0, line.indexOf(' ', line.indexOf(' ', line.indexOf(' ',
                        line.indexOf(' ', line.indexOf(' ') + 1) + 1) + 1) + 1)))
                .containsExactly("华东 1 1 1 0.500000", "华南 1 0 1 1.000000", "trade_show 1 0 1 1.000000",
                        "website 1 1 1 0.500000");
    }

    private void ingest(Path mapping, Path... files) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("exports", String.join(File.pathSeparator, Stream.of(files).map(Path::toString).toList()))
                .addLong("run", System.nanoTime());
        if (mapping != null) {
            parameters.addString("mapping", mapping.toString());
        }
        JobExecution execution = jobOperator.start(ingest, parameters.toJobParameters());
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    private Dataset<Row> read(TableDefinition mart) {
        return SharedSpark.get().read().parquet(warehouse.requireCurrent(mart).parquetGlob());
    }

    /** step entered advanced lost open skipped mature, in step order. */
    private static List<String> steps(Dataset<Row> rows) {
        return rows.orderBy("step_order").collectAsList().stream()
                .map(r -> r.getAs("step") + " " + r.getAs("entered") + " " + r.getAs("advanced") + " " + r.getAs("lost")
                        + " " + r.getAs("open") + " " + r.getAs("skipped") + " " + r.getAs("mature"))
                .toList();
    }

    /** value won lost open win_rate win_rate_amount avg_won_amount avg_cycle_days pipeline_velocity. */
    private static List<String> rates(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .map(r -> r.getAs("dimension_value") + " " + r.getAs("won") + " " + r.getAs("lost") + " "
                        + r.getAs("open_deals") + " " + r.getAs("win_rate") + " " + r.getAs("win_rate_amount") + " "
                        + r.getAs("avg_won_amount") + " " + r.getAs("avg_cycle_days") + " "
                        + r.getAs("pipeline_velocity"))
                .toList();
    }
}
