package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fill.TextMeasurerFactory;
import net.sf.jasperreports.engine.util.JRTextMeasurerUtil;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;

/**
 * The upgrade canary: our whole PDF path (the context's settings and our producer: the bidi skip,
 * the per-document font cache, the glyph-block setting) against JasperReports alone (its text
 * measurer, its exporter, its OpenPDF producer): the same report must draw the same pages, operator
 * for operator. After a JasperReports or OpenPDF upgrade this is the test that says whether our
 * settings still change nothing but speed.
 */
class JasperReportsAloneTest {

    @Test
    void statementPagesAreWhatJasperReportsAloneDraws(@TempDir Path dir) {
        // given: a few component rows, then transaction rows of every kind of calculation cell
        List<Map<String, ?>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(StatementFixture.row("1", false, "base " + i, "", "", "1,000.00", "578,400.00 × 0.5% (tier 1)"));
        }
        records.addAll(StatementFixture.transactionRows(150));

        // when
        List<byte[]> ours = pages(new PdfRenderer(StatementFixture.TEMPLATE, ReportFont.bundled()),
                StatementFixture.parameters(), records, dir.resolve("ours.pdf"));
        List<byte[]> theirs = pages(jasperReportsAlone(StatementFixture.TEMPLATE), StatementFixture.parameters(),
                records, dir.resolve("theirs.pdf"));

        // then
        assertThat(ours).hasSizeGreaterThan(10);
        assertThat(ours).containsExactlyElementsOf(theirs);
    }

    @Test
    void territoryPagesWithTheirRulesAreWhatJasperReportsAloneDraws(@TempDir Path dir) {
        // when: cells with a rule below them, totals between two rules, headers without
        List<byte[]> ours = pages(new PdfRenderer(TerritoryFixture.TEMPLATE, ReportFont.bundled()),
                TerritoryFixture.parameters(), TerritoryFixture.rows(120), dir.resolve("ours.pdf"));
        List<byte[]> theirs = pages(jasperReportsAlone(TerritoryFixture.TEMPLATE), TerritoryFixture.parameters(),
                TerritoryFixture.rows(120), dir.resolve("theirs.pdf"));

        // then
        assertThat(ours).hasSizeGreaterThan(1);
        assertThat(ours).containsExactlyElementsOf(theirs);
    }

    private static PdfRenderer jasperReportsAlone(String template) {
        return new PdfRenderer(template, families -> {
            SimpleJasperReportsContext own = new SimpleJasperReportsContext(
                    JasperContexts.forFont(ReportFont.bundled(), families));
            own.setProperty(LeftToRightPdfProducerFactory.PROPERTY, ClassicPdfProducerFactory.class.getName());
            own.setProperty(JRTextMeasurerUtil.PROPERTY_TEXT_MEASURER_FACTORY, TextMeasurerFactory.class.getName());
            return own;
        });
    }

    private static List<byte[]> pages(PdfRenderer renderer, Map<String, ?> parameters, List<Map<String, ?>> records,
                                      Path pdf) {
        return PdfContents.pageContents(PdfContents.write(pdf, out -> renderer.render(parameters, records, out)));
    }
}
