package io.salesops.reports.territory;

import static io.salesops.reports.territory.TerritoryFixtures.manyTerritories;
import static io.salesops.reports.territory.TerritoryFixtures.row;
import static io.salesops.reports.territory.TerritoryFixtures.threeChineseTerritories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesops.reports.pdf.MissingGlyphsException;
import io.salesops.reports.pdf.PdfContents;
import io.salesops.reports.pdf.ReportFont;

class TerritorySummaryReportTest {

    private static final java.time.YearMonth MARCH_2025 = java.time.YearMonth.of(2025, 3);

    private static final Clock APRIL_FIRST_IN_SHANGHAI =
            Clock.fixed(Instant.parse("2025-04-01T00:30:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final String TABLE_HEADER = "Region Territory Revenue Quota Attainment Invoices Reps";

    private final TerritorySummaryReport report = new TerritorySummaryReport(ReportFont.bundled(), APRIL_FIRST_IN_SHANGHAI);

    @TempDir
    Path dir;

    @Test
    void printsChineseNamesPeriodAndTotals() {
        // given
        Path pdf = dir.resolve("territory-summary-2025-03.pdf");

        // when
        Path written = PdfContents.write(pdf, out -> report.render(MARCH_2025, "CNY", threeChineseTerritories(), out));

        // then
        assertThat(written).isEqualTo(pdf.toAbsolutePath());
        // (a text element too short for its font prints nothing, so the heading is checked line by line)
        assertThat(PdfContents.lines(pdf)).startsWith(
                "区域业绩汇总 Territory performance",
                "期间 Period: 2025-03 · 币种 Currency: CNY",
                "生成时间 Generated at: 2025-04-01 08:30 +08:00",
                "区域 区域名称 收入 配额 达成率 发票数 销售数",
                TABLE_HEADER);
        assertThat(PdfContents.text(pdf))
                .contains("华东", "华南", "西北")
                .contains("合计 Total 2,345,678.99 2,168,750.00 108.2% 2,125")
                .contains("区域业绩汇总 Territory performance 2025-03 Page 1 / 1");
    }

    @Test
    void embedsNotoSansScSubsetsWithIdentityH() {
        // given
        Path pdf = dir.resolve("fonts.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(MARCH_2025, "CNY", threeChineseTerritories(), out));

        // then
        List<PdfContents.PageFont> fonts = List.copyOf(PdfContents.fonts(pdf));
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.baseFont()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
            assertThat(font.type0()).as("Type 0 (CID) font").isTrue();
            assertThat(font.embedded()).as("descendant font embedded").isTrue();
            assertThat(font.encoding()).isEqualTo("Identity-H");
        });
        assertThat(fonts).extracting(font -> font.baseFont().substring(7))
                .containsExactlyInAnyOrder("NotoSansSC-Regular", "NotoSansSC-Bold");
    }

    @Test
    void tableBodyMatchesGoldenFile() throws IOException {
        // given
        Path pdf = dir.resolve("golden.pdf");
        Path expected = Path.of("src/test/resources/territory/expected/three-territories-table-body.txt");

        // when
        PdfContents.write(pdf, out -> report.render(MARCH_2025, "CNY", threeChineseTerritories(), out));

        // then
        List<String> body = PdfContents.linesAfter(PdfContents.lines(pdf), TABLE_HEADER, "合计 Total");
        Path actual = Path.of("target/territory/actual/three-territories-table-body.txt");
        Files.createDirectories(actual.getParent());
        Files.write(actual, body, StandardCharsets.UTF_8);
        assertThat(body).containsExactlyElementsOf(Files.readAllLines(expected, StandardCharsets.UTF_8));
    }

    @Test
    void fontWithoutChineseGlyphsFailsNamingTheMissingCharacters() {
        // given
        TerritorySummaryReport withDejaVu = new TerritorySummaryReport(ReportFont.file(DEJAVU_SANS), APRIL_FIRST_IN_SHANGHAI);
        Path pdf = dir.resolve("dejavu.pdf");

        // when / then
        assertThatThrownBy(() -> PdfContents.write(pdf, out -> withDejaVu.render(MARCH_2025, "CNY", threeChineseTerritories(), out)))
                .isInstanceOf(MissingGlyphsException.class)
                .hasMessageStartingWith("font 'DejaVu Sans' (family 'Noto Sans SC', from " + DEJAVU_SANS + ") cannot display ")
                .hasMessageContaining("东 (U+4E1C)")
                .hasMessageContaining(ReportFont.REGULAR_FILE_PROPERTY)
                .satisfies(e -> assertThat(((MissingGlyphsException) e).missingCharacters())
                        .contains("华", "东", "南", "西", "北", "区", "域", "合", "计")
                        .doesNotContain("T", "1", "%", "—"));
        assertThat(pdf).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void characterMissingFromTheBundledFontFailsToo() {
        // given a territory name with an emoji, which Noto Sans SC has no glyph for
        List<TerritorySummaryRow> rows = List.of(row("T-1", "华东 🚀", "东部 East", "1.00", "1.00", "1", 1, 1));

        // when / then
        assertThatThrownBy(() -> PdfContents.write(dir.resolve("emoji.pdf"), out -> report.render(MARCH_2025, "CNY", rows, out)))
                .isInstanceOf(MissingGlyphsException.class)
                .hasMessageStartingWith("font 'Noto Sans SC")
                .hasMessageContaining("cannot display 1 character(s) the report prints: 🚀 (U+1F680).");
    }

    @Test
    void configuredFontFileIsEmbeddedInsteadOfTheBundledOne() {
        // given the bundled Noto Sans SC regular face, configured as a file: a font with CJK glyphs
        Path regular = Path.of("target/classes/io/salesops/reports/fonts/noto-sans-sc/NotoSansSC_400Regular.ttf");
        TerritorySummaryReport configured = new TerritorySummaryReport(ReportFont.file(regular), APRIL_FIRST_IN_SHANGHAI);
        Path pdf = dir.resolve("configured.pdf");

        // when
        PdfContents.write(pdf, out -> configured.render(MARCH_2025, "CNY", threeChineseTerritories(), out));

        // then bold text uses the regular face (made bold by the renderer): one font only
        assertThat(PdfContents.fonts(pdf)).extracting(font -> font.baseFont().substring(7))
                .containsExactly("NotoSansSC-Regular");
        assertThat(PdfContents.text(pdf)).contains("合计 Total 2,345,678.99");
    }

    @Test
    void longTableRepeatsHeaderAndNumbersPages() {
        // given
        Path pdf = dir.resolve("long.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(MARCH_2025, "CNY", manyTerritories(60), out));

        // then
        assertThat(PdfContents.pages(pdf)).isEqualTo(3);
        String text = PdfContents.text(pdf);
        assertThat(text).contains("Page 1 / 3", "Page 3 / 3", "华北 第60区", "合计 Total 60,000.00 120,000.00 50.0% 600");
        assertThat(text.split(TABLE_HEADER, -1)).hasSize(4);
    }

    @Test
    void emptyTablePrintsZeroTotals() {
        // given
        Path pdf = dir.resolve("empty.pdf");

        // when
        PdfContents.write(pdf, out -> report.render(MARCH_2025, "CNY", List.of(), out));

        // then
        assertThat(PdfContents.lines(pdf)).contains("合计 Total 0.00 0.00 — 0");
    }

    @Test
    void rejectsACurrencyThatIsNotIso4217() {
        assertThatThrownBy(() -> PdfContents.write(dir.resolve("x.pdf"), out -> report.render(MARCH_2025, "RMB", threeChineseTerritories(), out)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency must be an ISO 4217 code, cannot be: RMB");
        assertThatThrownBy(() -> PdfContents.write(dir.resolve("x.pdf"), out -> report.render(MARCH_2025, "cny", threeChineseTerritories(), out)))
                .hasMessage("currency must be an ISO 4217 code, cannot be: cny");
    }
}
