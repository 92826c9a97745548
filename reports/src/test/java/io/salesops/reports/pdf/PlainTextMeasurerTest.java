package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.font.TextAttribute;
import java.nio.file.Path;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.fill.JRMeasuredText;
import net.sf.jasperreports.engine.fill.JRTextMeasurer;
import net.sf.jasperreports.engine.fill.TextMeasurer;
import net.sf.jasperreports.engine.fill.TextMeasurerFactory;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextMeasurerUtil;

class PlainTextMeasurerTest {

    private static final JasperReportsContext CONTEXT =
            JasperContexts.forFont(ReportFont.bundled(), Set.of("Noto Sans SC"));

    /** A measurement as JasperReports' fill reads it, every field. */
    private record Measured(int textOffset, float textHeight, float textWidth, float lineSpacingFactor,
                            float leadingOffset, float averageCharWidth, boolean leftToRight, boolean paragraphCut,
                            String textSuffix, List<Short> lineBreakOffsets) {

        static Measured of(JRMeasuredText measured) {
            short[] breaks = measured.getLineBreakOffsets();
            List<Short> offsets = new ArrayList<>();
            if (breaks != null) {
                for (short offset : breaks) {
                    offsets.add(offset);
                }
            }
            return new Measured(measured.getTextOffset(), measured.getTextHeight(), measured.getTextWidth(),
                    measured.getLineSpacingFactor(), measured.getLeadingOffset(), measured.getAverageCharWidth(),
                    measured.isLeftToRight(), measured.isParagraphCut(), measured.getTextSuffix(),
                    breaks == null ? null : offsets);
        }
    }

    @Test
    void measuresEveryTextAsJasperReportsOwnMeasurerDoes() {
        // given: statement cells and texts around them: one line, several paragraphs, wrapping,
        // Chinese, trailing blanks, and texts the short way leaves to JasperReports (a tab, empty
        // paragraphs, a line break first or last, nothing); boxes narrow and wide, with no room, a
        // little and plenty to stretch, text that may or may not overflow, measured from the start
        // and from the second paragraph (a text continued on the next page)
        List<String> texts = List.of("SKD00560193/XSDD2506020537#3", "  -1,234.50  ",
                "base: 4,934.25 × 1.5% → 74.01\ntiers 0.9548%: share of 31,683.78 → 47.11",
                "华东区 East China 客户 customer → 1.00",
                "spif: " + "a long explanation that cannot fit on one line of the column ".repeat(3),
                "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight", "tab\tseparated", "first\n\nafter a blank line",
                "\nleading break", "trailing break\n", "");
        List<Measured> ours = new ArrayList<>();
        List<Measured> theirs = new ArrayList<>();
        long direct = PlainTextMeasurer.MEASURED_DIRECTLY.get();

        // when: each field keeps one measurer of each kind for all its texts, as a fill does
        for (int width : new int[] {50, 150, 300}) {
            JRDesignTextField field = field(width, "Noto Sans SC");
            JRTextMeasurer plain = new PlainTextMeasurerFactory().createMeasurer(CONTEXT, field);
            JRTextMeasurer own = new TextMeasurer(CONTEXT, field);
            for (String text : texts) {
                for (int start : new int[] {0, text.indexOf('\n') + 1}) {
                    for (int stretch : new int[] {0, 5, 16, 400}) {
                        for (boolean overflow : new boolean[] {false, true}) {
                            ours.add(Measured.of(plain.measure(styled(text, field), start, stretch, true, overflow)));
                            theirs.add(Measured.of(own.measure(styled(text, field), start, stretch, true, overflow)));
                        }
                    }
                }
            }
        }

        // then: the same measurements, most of them taken the short way
        assertThat(ours).containsExactlyElementsOf(theirs);
        assertThat(ours.stream().filter(Measured::paragraphCut).count()).isGreaterThan(10);
        assertThat(PlainTextMeasurer.MEASURED_DIRECTLY.get() - direct).isGreaterThan(ours.size() / 2);
    }

    @Test
    void aMissingFontFailsAsWithJasperReportsOwnMeasurer() {
        JRDesignTextField field = field(150, "No Such Font Sans");

        assertThatThrownBy(() -> new TextMeasurer(CONTEXT, field).measure(styled("text", field), 0, 0, true, false))
                .hasMessageContaining("No Such Font Sans");
        assertThatThrownBy(() -> new PlainTextMeasurerFactory().createMeasurer(CONTEXT, field)
                .measure(styled("text", field), 0, 0, true, false))
                .hasMessageContaining("No Such Font Sans");
    }

    @Test
    void statementsFillToTheSamePagesWithEitherMeasurer(@TempDir Path dir) {
        // given: transaction rows of every kind of calculation cell, one breaking across pages
        List<Map<String, ?>> records = StatementFixture.transactionRows(120);
        PdfRenderer ours = new PdfRenderer(StatementFixture.TEMPLATE, ReportFont.bundled());
        PdfRenderer theirs = new PdfRenderer(StatementFixture.TEMPLATE, families -> {
            SimpleJasperReportsContext own = new SimpleJasperReportsContext(
                    JasperContexts.forFont(ReportFont.bundled(), families));
            own.setProperty(JRTextMeasurerUtil.PROPERTY_TEXT_MEASURER_FACTORY, TextMeasurerFactory.class.getName());
            return own;
        });

        // when
        long direct = PlainTextMeasurer.MEASURED_DIRECTLY.get();
        Path ourPdf = ours.render(StatementFixture.parameters(), records, dir.resolve("ours.pdf"));
        long ourDirect = PlainTextMeasurer.MEASURED_DIRECTLY.get() - direct;
        Path theirPdf = theirs.render(StatementFixture.parameters(), records, dir.resolve("theirs.pdf"));

        // then: most cells were measured the short way, none with JasperReports' own measurer, and
        // every page draws the same, operator for operator
        assertThat(ourDirect).isGreaterThan(2L * records.size());
        assertThat(PlainTextMeasurer.MEASURED_DIRECTLY.get() - direct).isEqualTo(ourDirect);
        List<byte[]> ourPages = PdfContents.pageContents(ourPdf);
        assertThat(ourPages).hasSizeGreaterThan(10);
        assertThat(ourPages).containsExactlyElementsOf(PdfContents.pageContents(theirPdf));
        assertThat(PdfContents.text(ourPdf)).contains("SKD10000119", "华东区 East China 客户 customer → 1.00");
    }

    private static JRDesignTextField field(int width, String fontName) {
        JRDesignTextField field = new JRDesignTextField(new JasperDesign());
        field.setWidth(width);
        field.setHeight(16);
        field.setFontName(fontName);
        field.setFontSize(8f);
        return field;
    }

    private static JRStyledText styled(String text, JRDesignTextField field) {
        Map<Attribute, Object> attributes = FontUtil.getInstance(CONTEXT)
                .getAttributesWithoutAwtFont(new HashMap<>(), field);
        attributes.put(TextAttribute.FOREGROUND, java.awt.Color.BLACK);
        return new JRStyledText(Locale.ROOT, text, attributes);
    }
}
