package io.salesops.reports.funnel;

import static io.salesops.reports.funnel.FunnelFixtures.leadToWonInMarch;
import static io.salesops.reports.funnel.FunnelFixtures.step;
import static io.salesops.reports.funnel.FunnelFixtures.withEmptyWorkLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import io.salesops.reports.pdf.MissingGlyphsException;
import io.salesops.reports.pdf.PdfContents;
import io.salesops.reports.pdf.PdfRenderer;
import io.salesops.reports.pdf.ReportFont;

class FunnelReportTest {

    private static final Clock APRIL_FIRST_IN_SHANGHAI =
            Clock.fixed(Instant.parse("2025-04-01T00:30:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** Where the template draws the chart on page 1: the left margin, top margin + 94, 523 x 190 points. */
    private static final Rectangle2D CHART_AREA = new Rectangle2D.Double(36, 124, 523, 190);

    private final FunnelReport report = new FunnelReport(ReportFont.bundled(), APRIL_FIRST_IN_SHANGHAI);

    @TempDir
    Path dir;

    @Test
    void printsTheHeadingStepsWinRatesMovementAndWorkLists() throws IOException {
        // given
        Path pdf = dir.resolve("funnel-2025-03.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(leadToWonInMarch(), out));

        // then
        keepForDiffing(pdf);
        // (a text element too short for its font prints nothing, so the heading is checked line by line)
        assertThat(PdfContents.lines(pdf)).startsWith(
                "销售漏斗 Sales funnel",
                "期间 Period: 2025-03 · 漏斗 Funnel: 线索到赢单 Lead to won",
                "生成时间 Generated at: 2025-04-01 08:30 +08:00",
                "各步骤进入数 Deals entered by step");
        List<String> lines = PdfContents.lines(pdf);
        assertThat(lines).contains(
                "转化漏斗 Conversion funnel",
                "线索 Lead 1,250 368 700 182 29.4% 29.4%",
                "合格 Qualified 368 120 150 98 32.6% 9.6%",
                "方案 Proposal 120 45 40 35 37.5% 3.6%",
                "赢单 Won 45 0 0 45 — —",
                "按区域赢单率 Win rate by region",
                "华东 30 70 30.0% 182,500.46",
                "North 华北 0 12 0.0% —",
                "按来源赢单率 Win rate by source",
                "展会 Trade show 15 10 60.0% 99,000.00",
                "官网 Website 0 0 — —",
                "阶段停留中位时间 Median time in stage",
                "线索 Lead 1,068 3.5 12.3",
                "合格 Qualified 270 11.0 30.0",
                "管道变动 Pipeline movement",
                "期初 Start 1,200 12,500,000.00",
                "新增 New 418 3,250,000.50",
                "赢单 Won 45 -8,212,520.52",
                "输单 Lost 240 -1,900,000.00",
                "移除 Removed 12 -60,000.10",
                "金额变动 Amount change 37 -125,000.00",
                "推进 Advanced 533 5,400,000.00",
                "回退 Regressed 8 96,000.00",
                "延期 Slipped 21 410,000.00",
                "提前 Pulled in 3 75,000.00",
                "期末 End 1,321 5,527,479.88",
                "跟进到期 Follow-ups due",
                "流失风险 Churn risk",
                "续约到期 Renewals due");
        // work-list names and details wrap inside their columns: read them as one line
        String text = PdfContents.text(pdf).replace('\n', ' ');
        assertThat(text).contains("FU-1001", "上海华东化工", "吴磊", "11.0 天 days", "250,000.00",
                "CR-77", "连续三月下单减少", "风险 0.82",
                "RN-2025-031", "杭州西湖软件", "李娜", "到期 2025-04-15", "1,200,000.00",
                "销售漏斗 Sales funnel 2025-03");
        assertThat(text).doesNotContain("无 None");
    }

    @Test
    void drawsTheBarChartWithTheStepNamesAsTextInTheEmbeddedFont() {
        // given
        Path pdf = dir.resolve("chart.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(leadToWonInMarch(), out));

        // then the chart's area of page 1 (nothing but the chart is drawn there) shows every step's name
        // and, on its bar, how many deals entered it
        String chart = PdfContents.textIn(pdf, 0, CHART_AREA);
        assertThat(chart).contains("线索 Lead", "合格 Qualified", "方案 Proposal", "赢单 Won", "1,250", "368");
        assertThat(chart).doesNotContain("转化漏斗", "Advanced", "29.4%");
        // and the chart is drawn into a form XObject whose labels use the embedded Noto Sans SC
        assertThat(PdfContents.formFonts(pdf)).isNotEmpty().allSatisfy(font -> {
            assertThat(font.baseFont()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
            assertThat(font.type0()).as("Type 0 (CID) font").isTrue();
            assertThat(font.embedded()).as("descendant font embedded").isTrue();
            assertThat(font.encoding()).isEqualTo("Identity-H");
        });
    }

    @Test
    void embedsNotoSansScSubsetsWithIdentityH() {
        // given
        Path pdf = dir.resolve("fonts.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(leadToWonInMarch(), out));

        // then
        assertThat(PdfContents.fonts(pdf)).isNotEmpty().allSatisfy(font -> {
            assertThat(font.baseFont()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
            assertThat(font.type0()).as("Type 0 (CID) font").isTrue();
            assertThat(font.embedded()).as("descendant font embedded").isTrue();
            assertThat(font.encoding()).isEqualTo("Identity-H");
        });
    }

    @Test
    void emptyWorkListsPrintNone() {
        // given
        Path pdf = dir.resolve("empty-work-lists.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(withEmptyWorkLists(), out));

        // then each of the three work lists is its title, its headings and one line "无 None"
        List<String> lines = PdfContents.lines(pdf);
        assertThat(lines).filteredOn(line -> line.equals("无 None")).hasSize(3);
        for (String title : List.of("跟进到期 Follow-ups due", "流失风险 Churn risk", "续约到期 Renewals due")) {
            List<String> section = PdfContents.linesAfter(lines, title, "无 None");
            assertThat(section).as(title).hasSizeBetween(2, 4).last().isEqualTo("无 None");
        }
        assertThat(PdfContents.text(pdf)).doesNotContain("FU-1001", "CR-77", "RN-2025-031");
    }

    @Test
    void fontWithoutChineseGlyphsFailsBeforeAnythingIsWritten() {
        // given
        FunnelReport withDejaVu = new FunnelReport(ReportFont.file(DEJAVU_SANS), APRIL_FIRST_IN_SHANGHAI);
        Path pdf = dir.resolve("dejavu.pdf");

        // when / then
        assertThatThrownBy(() -> PdfContents.write(pdf, out -> withDejaVu.render(leadToWonInMarch(), out)))
                .isInstanceOf(MissingGlyphsException.class)
                .hasMessageStartingWith("font 'DejaVu Sans' (family 'Noto Sans SC', from " + DEJAVU_SANS + ") cannot display ")
                .hasMessageContaining(ReportFont.REGULAR_FILE_PROPERTY)
                .satisfies(e -> assertThat(((MissingGlyphsException) e).missingCharacters())
                        .contains("销", "漏", "斗", "华", "东", "线", "索")
                        .doesNotContain("L", "1", "%", "—"));
        assertThat(pdf).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void characterMissingFromTheBundledFontFailsToo() {
        // given a step name with an emoji, which Noto Sans SC has no glyph for
        FunnelReportData full = leadToWonInMarch();
        FunnelReportData withEmoji = new FunnelReportData(full.period(), full.funnelName(),
                List.of(step("线索 Lead 🚀", 10, 5, 5, 0, "0.5", "0.5")), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());

        // when / then
        assertThatThrownBy(() -> PdfContents.write(dir.resolve("emoji.pdf"), out -> report.render(withEmoji, out)))
                .isInstanceOf(MissingGlyphsException.class)
                .hasMessageContaining("cannot display 1 character(s) the report prints: 🚀 (U+1F680).");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aCharacterOnlyInTheChartsDatasetFailsTheFontCheckToo() {
        // given the template filled directly, with an emoji in a chart category and in no table line
        PdfRenderer renderer = new PdfRenderer(FunnelReport.TEMPLATE, ReportFont.bundled());
        Map<String, Object> parameters = Map.of("period", "2025-03", "funnelName", "线索到赢单 Lead to won",
                "generatedAt", "2025-04-01 08:30 +08:00", "stepChart", new JRMapCollectionDataSource(
                        List.of(Map.of("series", "进入 Entered", "step", "线索 🚀", "entered", 10L))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when / then
        assertThatThrownBy(() -> renderer.render(parameters, List.of(), out))
                .isInstanceOf(MissingGlyphsException.class)
                .hasMessageContaining("cannot display 1 character(s) the report prints: 🚀 (U+1F680).");
        assertThat(out.size()).isZero();
    }

    /** The PDF and its text under target/funnel/actual/, to look at or diff after a run. */
    private static void keepForDiffing(Path pdf) throws IOException {
        Path actual = Path.of("target/funnel/actual");
        Files.createDirectories(actual);
        Files.copy(pdf, actual.resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.write(actual.resolve(pdf.getFileName() + ".txt"), PdfContents.lines(pdf), StandardCharsets.UTF_8);
    }

    @Test
    void rejectsAnUnknownMovement() {
        assertThatThrownBy(() -> new FunnelReportData.MovementLine("moved", 1, java.math.BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("movement must be one of start, new, won, lost, removed, amount_change, end, advanced, "
                        + "regressed, slipped, pulled_in, cannot be: moved");
    }

    @Test
    void rejectsARateAboveOne() {
        assertThatThrownBy(() -> step("线索 Lead", 10, 11, 0, 0, "1.1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nextStepRate must be between 0 and 1, cannot be: 1.1 (线索 Lead)");
    }
}
