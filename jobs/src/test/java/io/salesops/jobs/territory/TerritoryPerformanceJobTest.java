package io.salesops.jobs.territory;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Territory performance as a user gets it: hand-written exports (src/test/resources/territory,
 * README there) go through monthEndClose, and the mart's rows and the PDF's text are compared with
 * expected files worked out by hand from those exports.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class TerritoryPerformanceJobTest {

    static final YearMonth PERIOD = YearMonth.of(2026, 3);
    static final Path FIXTURES = Path.of("src/test/resources/territory");
    static final Path ACTUAL = Path.of("target/territory/actual");
    static final Path dataDir = JobTestDataDir.create("salesops-territory-test");

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job monthEndClose;
    @Autowired
    Warehouse warehouse;
    @Autowired
    DataLayout layout;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @BeforeAll
    static void landTheExports() throws Exception {
        Path landing = Files.createDirectories(dataDir.resolve("landing"));
        try (Stream<Path> files = Files.list(FIXTURES.resolve("exports"))) {
            for (Path file : files.toList()) {
                Files.copy(file, landing.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(ACTUAL);
    }

    @Test
    void theMartAndThePdfAreThoseWorkedOutByHand() throws Exception {
        // when
        JobExecution execution = jobOperator.start(monthEndClose, PeriodParameter.add(new JobParametersBuilder(),
                PERIOD).addLong("run", System.nanoTime()).toJobParameters());

        // then
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        List<String> mart = martRows(warehouse.requireCurrent(TerritoryTables.TERRITORY_PERFORMANCE));
        Files.write(ACTUAL.resolve("territory_performance-2026-03.csv"), mart, StandardCharsets.UTF_8);
        assertThat(mart).containsExactlyElementsOf(expected("territory_performance-2026-03.csv"));

        List<String> pdf = pdfLines(TerritoryReportTasklet.output(layout, PERIOD));
        Files.write(ACTUAL.resolve("territory-summary-2026-03.txt"), pdf, StandardCharsets.UTF_8);
        assertThat(pdf).containsExactlyElementsOf(expected("territory-summary-2026-03.txt"));
    }

    private static List<String> expected(String name) throws Exception {
        return Files.readAllLines(FIXTURES.resolve("expected").resolve(name), StandardCharsets.UTF_8);
    }

    /** Header, then the period's rows by territory, cells as stored (a decimal with its scale, null empty). */
    private static List<String> martRows(TableVersion mart) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rs = sql.executeQuery("SELECT * FROM read_parquet('" + mart.parquetGlob() + "') WHERE period = '"
                     + PERIOD + "' ORDER BY territory_id")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> lines = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnName(i));
            }
            lines.add(String.join(",", header));
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    cells.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                }
                lines.add(String.join(",", cells));
            }
            return lines;
        }
    }

    /** The text a reader extracts, line by line; the generated-at time is the one thing that changes per run. */
    private static List<String> pdfLines(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).lines().map(String::strip)
                    .map(line -> line.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [+-]\\d{2}:\\d{2}", "<generated-at>"))
                    .toList();
        }
    }
}
