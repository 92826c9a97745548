package io.salesops.reports.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.salesops.reports.pdf.PdfContents;
import io.salesops.reports.pdf.ReportFont;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepStatementReportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    final RepStatementReport report = new RepStatementReport(ReportFont.bundled(), CLOCK);

    @Test
    void aStatementPrintsTheRepsChineseNameTotalsEveryLineAndTheAdjustmentsOrigins() {
        RepStatement statement = new RepStatement("2025-06", "E10004", "吴磊庆", "sales-rep v2", "CNY",
                "CALCULATED (run 17)", new BigDecimal("812945.00"), new BigDecimal("725000.00"),
                new BigDecimal("1.121303"), new BigDecimal("24348.51"), new BigDecimal("-120.50"),
                new BigDecimal("24228.01"), new BigDecimal("1500.00"), new BigDecimal("2350.40"),
                List.of(new RepStatement.ComponentTotal("base", new BigDecimal("11985.03")),
                        new RepStatement.ComponentTotal("attainment", new BigDecimal("12363.48"),
                                "812,945.00 × 1.5% (band 2: 100%–120% of quota)")),
                List.of(new RepStatement.Line("base", "SKD00000012/XSDD2506000001#1", new BigDecimal("0.018"),
                                new BigDecimal("180.00"), "10,000.00 × 1.5% × 1.2 (category pigments)", ""),
                        new RepStatement.Line("base", "XSTH00000003/XSDD2505000007#2", new BigDecimal("0.015"),
                                new BigDecimal("-15.00"), "-1,000.00 × 1.5%", "CREDIT_NOTE_RETURN")),
                List.of(new RepStatement.AdjustmentLine("reversal", "2025-05", "base", "SKD00000009", new BigDecimal(
                        "-120.50"), "correction of 2025-05: plan sales-rep v1 is now sales-rep v2")));

        Path pdf = PdfContents.write(dir.resolve(RepStatementReport.fileName("2025-06", "E10004")), out -> report.render(statement, out));

        assertThat(pdf.getFileName().toString()).isEqualTo("statement-2025-06-E10004.pdf");
        // explanations wrap inside their column; read them as one line
        String text = PdfContents.text(pdf).replace('\n', ' ');
        assertThat(text).contains("吴磊庆 (E10004)", "期间 Period: 2025-06", "sales-rep v2", "812,945.00", "725,000.00",
                "112.1%", "24,348.51", "-120.50", "24,228.01", "SKD00000012/XSDD2506000001#1", "1.8%",
                "10,000.00 × 1.5% × 1.2 (category pigments)", "CREDIT_NOTE_RETURN: -1,000.00 × 1.5%", "2025-05",
                "预支余额 Draw balance 1,500.00",
                "预支核销 Draw forgiven 2,350.40", "812,945.00 × 1.5% (band 2: 100%–120% of quota)",
                "correction of 2025-05: plan sales-rep v1 is now sales-rep v2");
        assertThat(PdfContents.fonts(pdf)).allSatisfy(font -> assertThat(font.embedded()).isTrue());
    }

    /** The warm-up renders its made-up statement completely (font check, fill, export) and writes no file. */
    @Test
    void theWarmUpRendersItsSampleStatementWithoutWritingAFile() throws Exception {
        assertThatCode(() -> report.warmUp(2, 50)).doesNotThrowAnyException();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aLongStatementRunsOverPagesWithEveryLinePrinted() {
        List<RepStatement.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(new RepStatement.Line("base", "TX" + i, new BigDecimal("0.02"), new BigDecimal(i), i + " × 2%", ""));
        }
        RepStatement statement = new RepStatement("2025-06", "E1", "李娜", "p v1", "CNY", "CLOSED",
                BigDecimal.ZERO, null, null, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, null, null, List.of(), lines,
                List.of());

        Path pdf = PdfContents.write(dir.resolve("long.pdf"), out -> report.render(statement, out));

        assertThat(PdfContents.pages(pdf)).isGreaterThan(1);
        String text = PdfContents.text(pdf);
        assertThat(text).contains("TX1 ", "TX60 ", "TX120 ", "配额 Quota —", "预支余额 Draw balance —");
    }

    @Test
    void aTransactionWithSeveralComponentsPrintsOnceWithEachComponentsAmountAndItsTotal() {
        RepStatement statement = new RepStatement("2025-06", "E2", "王芳", "p v1", "CNY", "CALCULATED",
                new BigDecimal("16000.00"), null, null, new BigDecimal("290.00"), BigDecimal.ZERO,
                new BigDecimal("290.00"), null, null,
                List.of(new RepStatement.ComponentTotal("base", new BigDecimal("240.00")),
                        new RepStatement.ComponentTotal("tiers", new BigDecimal("50.00"),
                                "16,000.00 × 0.5% (tier 1: 0–300,000, marginal)")),
                List.of(new RepStatement.Line("base", "TX1", new BigDecimal("0.015"), new BigDecimal("150.00"),
                                "10,000.00 × 1.5%", ""),
                        new RepStatement.Line("base", "TX2", new BigDecimal("0.015"), new BigDecimal("90.00"),
                                "6,000.00 × 1.5%", ""),
                        new RepStatement.Line("tiers", "TX1", new BigDecimal("0.005"), new BigDecimal("31.25"),
                                "share of 50.00", ""),
                        new RepStatement.Line("tiers", "TX2", new BigDecimal("0.005"), new BigDecimal("18.75"),
                                "share of 50.00", "")),
                List.of());

        String text = PdfContents.text(PdfContents.write(dir.resolve("two.pdf"), out -> report.render(statement, out))).replace('\n', ' ');

        // TX1: 150.00 + 31.25 = 181.25; TX2: 90.00 + 18.75 = 108.75; each transaction is listed once
        assertThat(text).contains("TX1 base: 10,000.00 × 1.5% → 150.00", "tiers 0.5%: share of 50.00 → 31.25",
                "181.25", "TX2 base: 6,000.00 × 1.5% → 90.00", "tiers 0.5%: share of 50.00 → 18.75", "108.75",
                "16,000.00 × 0.5% (tier 1: 0–300,000, marginal)");
        assertThat(text.split("TX1", -1)).hasSize(2);
    }
}
