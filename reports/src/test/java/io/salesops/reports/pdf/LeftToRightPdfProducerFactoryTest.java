package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Phrase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;

class LeftToRightPdfProducerFactoryTest {

    private static final String TEMPLATE = "io/salesops/reports/territory/territory-summary.jrxml";

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
    void renderedPagesAreTheSameAsJasperReportsOwnProducerDrawsThem(@TempDir Path dir) throws IOException {
        // given: the territory summary over many rows (wrapped cells, several pages), Chinese and Latin text
        Map<String, Object> parameters = new HashMap<>();
        for (String name : List.of("period", "currency", "generatedAt", "totalRevenue", "totalQuota",
                "totalAttainment", "totalInvoices", "totalReps")) {
            parameters.put(name, name.equals("period") ? "2026-03" : "合计 total " + name);
        }
        List<Map<String, ?>> records = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            records.add(Map.of("region", "华东区 East China region " + i, "territory", "上海浦东新区 Shanghai Pudong " + i,
                    "revenue", String.format("%,d.%02d", 1_000_000 + i * 7919, i % 100), "quota", "1,000,000.00",
                    "attainment", (90 + i % 20) + ".0%", "invoices", Integer.toString(i * 3), "reps", "7"));
        }
        PdfRenderer ours = new PdfRenderer(TEMPLATE, ReportFont.bundled());
        PdfRenderer theirs = new PdfRenderer(TEMPLATE, families -> {
            SimpleJasperReportsContext classic = new SimpleJasperReportsContext(
                    JasperContexts.forFont(ReportFont.bundled(), families));
            classic.setProperty(LeftToRightPdfProducerFactory.PROPERTY, ClassicPdfProducerFactory.class.getName());
            return classic;
        });

        // when
        long withoutBidi = LeftToRightPdfProducerFactory.WITHOUT_BIDI.get();
        long fontsResolved = LeftToRightPdfProducerFactory.FONTS_RESOLVED.get();
        Path ourPdf = ours.render(parameters, records, dir.resolve("ours.pdf"));
        long ourParagraphs = LeftToRightPdfProducerFactory.WITHOUT_BIDI.get() - withoutBidi;
        long ourFonts = LeftToRightPdfProducerFactory.FONTS_RESOLVED.get() - fontsResolved;
        Path theirPdf = theirs.render(parameters, records, dir.resolve("theirs.pdf"));

        // then: our renderer laid its paragraphs out without the bidi pass, JasperReports' own did not
        assertThat(ourParagraphs).isGreaterThan(records.size());
        assertThat(LeftToRightPdfProducerFactory.WITHOUT_BIDI.get() - withoutBidi).isEqualTo(ourParagraphs);
        // and it resolved each distinct font once (a few: regular and bold, in two sizes or so), not once a paragraph
        assertThat(ourFonts).isBetween(1L, 10L);
        // and every page draws the same text at the same places, operator for operator
        List<byte[]> ourPages = pageContents(ourPdf);
        assertThat(ourPages).hasSizeGreaterThan(1);
        assertThat(ourPages).containsExactlyElementsOf(pageContents(theirPdf));
        assertThat(PdfContents.text(ourPdf)).contains("上海浦东新区 Shanghai Pudong 119");
    }

    private static Phrase phrase(String first, String second) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(first));
        phrase.add(new Chunk(second));
        return phrase;
    }

    private static List<byte[]> pageContents(Path pdf) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                try (InputStream contents = page.getContents()) {
                    pages.add(contents.readAllBytes());
                }
            }
        }
        return pages;
    }
}
