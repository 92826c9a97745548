package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;

class LeftToRightPdfProducerFactoryTest {

    private static final String TEMPLATE = TerritoryFixture.TEMPLATE;

    @Test
    void onlyRightToLeftTextOrBidiControlsNeedTheBidirectionalPass() {
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("华东区 East China", "¥1,234.50 (12.5%)"))).isFalse();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("base: 9,882.04 × 1.5% → 148.23", ""))).isFalse();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("East", "שלום"))).isTrue();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("مرحبا", "East"))).isTrue();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("East\u200FChina", ""))).isTrue();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("\u2067(12)\u2069", ""))).isTrue();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("total \u0663\u0664", ""))).isTrue();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("\uD802\uDC00", "East"))).isTrue();
        assertThat(LeftToRightPdfProducerFactory.needsBidi(phrase("𠀀 East", "€ 12"))).isFalse();
    }

    @Test
    void theReportContextNamesThisFactory() {
        assertThat(JasperContexts.forFont(ReportFont.bundled(), java.util.Set.of("Noto Sans SC"))
                .getProperty(LeftToRightPdfProducerFactory.PROPERTY)).isEqualTo(LeftToRightPdfProducerFactory.class.getName());
    }

    @Test
    void renderedPagesAreTheSameAsJasperReportsOwnProducerDrawsThem(@TempDir Path dir) throws IOException {
        // given: the territory summary over many rows (wrapped cells, several pages), Chinese and Latin text
        Map<String, Object> parameters = TerritoryFixture.parameters();
        List<Map<String, ?>> records = TerritoryFixture.rows(120);
        PdfRenderer ours = new PdfRenderer(TEMPLATE, ReportFont.bundled());
        PdfRenderer theirs = jasperReportsOwn(TEMPLATE);

        // when
        Path ourPdf = PdfContents.write(dir.resolve("ours.pdf"), out -> ours.render(parameters, records, out));
        Path theirPdf = PdfContents.write(dir.resolve("theirs.pdf"), out -> theirs.render(parameters, records, out));

        // then: every page draws the same text at the same places, operator for operator
        List<byte[]> ourPages = PdfContents.pageContents(ourPdf);
        assertThat(ourPages).hasSizeGreaterThan(1);
        assertThat(ourPages).containsExactlyElementsOf(PdfContents.pageContents(theirPdf));
        assertThat(PdfContents.text(ourPdf)).contains("上海浦东新区 Shanghai Pudong 119");
    }

    @Test
    void statementCellsOfEveryKindAreTheSameAsJasperReportsOwnProducerDrawsThem(@TempDir Path dir)
            throws IOException {
        // given: statement rows of every kind a cell can hold. One-line cells, Chinese and Latin, left
        // and right aligned, several lines in one cell, trailing blanks, text that wraps, a tab, a
        // blank line. (Right-to-left letters, invisible marks and characters outside the basic plane
        // are not in the bundled font, so no report prints them.) Amounts of three lines in a
        // one-line box, which the fill cuts to what fits. Enough rows for several pages.
        Map<String, Object> parameters = StatementFixture.parameters();
        List<String> calculations = List.of(
                "base 1.5%: 9,882.04 × 1.5% → 148.23\ntiers: share of 578,400.00 → 12.40",
                "base: 华东区 East China 客户 customer → 1.00   ",
                "spif: " + "a long explanation that cannot fit on one line of the column ".repeat(3),
                "tab\tseparated",
                "first line\n\nafter a blank line",
                "");
        List<Map<String, ?>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(StatementFixture.row("1", false, "base " + i, "", "", "1,000.00", "578,400.00 × 0.5% (tier 1)"));
        }
        for (int i = 0; i < 180; i++) {
            String amount = i % 17 == 0 ? "1.00\n2.00\n3.00" : String.format("%,d.%02d", 1_000 + i * 7919, i % 100);
            records.add(StatementFixture.row("2", true, "SKD" + (10_000_000 + i) + "/XSDD" + (2_500_000 + i),
                    calculations.get(i % calculations.size()), "", amount, ""));
        }
        records.add(StatementFixture.row("3", false, "reversal base", "SKD1", "2025-10", "-1.00", "correction of 2025-10"));
        String template = StatementFixture.TEMPLATE;

        // when
        Path ourPdf = PdfContents.write(dir.resolve("ours.pdf"), out -> new PdfRenderer(template, ReportFont.bundled()).render(parameters, records, out));
        Path theirPdf = PdfContents.write(dir.resolve("theirs.pdf"), out -> jasperReportsOwn(template).render(parameters, records, out));

        // then: every page draws the same, operator for operator
        List<byte[]> ourPages = PdfContents.pageContents(ourPdf);
        assertThat(ourPages).hasSizeGreaterThan(2);
        assertThat(ourPages).containsExactlyElementsOf(PdfContents.pageContents(theirPdf));
        assertThat(PdfContents.text(ourPdf)).contains("王小明 Wang Xiaoming (E1001)", "SKD10000179/XSDD2500179",
                "华东区 East China 客户 customer → 1.00", "after a blank line");
    }

    /** The template rendered with JasperReports' own OpenPDF producer, everything else as ours. */
    private static PdfRenderer jasperReportsOwn(String template) {
        return new PdfRenderer(template, families -> {
            SimpleJasperReportsContext classic = new SimpleJasperReportsContext(
                    JasperContexts.forFont(ReportFont.bundled(), families));
            classic.setProperty(LeftToRightPdfProducerFactory.PROPERTY, ClassicPdfProducerFactory.class.getName());
            return classic;
        });
    }

    private static Phrase phrase(String first, String second) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(first));
        phrase.add(new Chunk(second));
        return phrase;
    }

}
