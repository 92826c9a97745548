package io.salesops.reports.pdf;

import java.awt.Color;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

import net.sf.jasperreports.engine.JRAnchor;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.type.HyperlinkTypeEnum;
import net.sf.jasperreports.engine.type.RunDirectionEnum;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextAttribute;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.JRPdfExporterTagHelper;
import net.sf.jasperreports.pdf.SimplePdfTextRenderer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfTextRendererContext;

/**
 * JasperReports' renderer of a text element in a PDF, except that an element in one plain style
 * whose every paragraph fits on one line of its box is drawn straight onto the page.
 *
 * <p>Why: for every paragraph, JasperReports copies the text into an attributed string, builds an
 * OpenPDF phrase of chunks from it, and OpenPDF's column layout then splits that phrase into
 * characters again to find where lines break. On a statement of thousands of transactions, whose
 * cells are one short line each, that was two thirds of the PDF export. Here such a paragraph is
 * measured once with the same font widths OpenPDF uses, and drawn with the same operators at the
 * same coordinates, computed with the same float arithmetic: the page content is byte for byte what
 * JasperReports' renderer writes ({@code LeftToRightPdfProducerFactoryTest} compares them).
 *
 * <p>Anything else takes JasperReports' own path: a paragraph that wraps or overflows its width,
 * several styles in one element, underline, strike-through, background, super- or subscript, simulated
 * bold or italic, links, anchors and bookmarks, lists, justified or right-to-left text, right-to-left
 * characters and invisible formatting characters, control characters, surrogate pairs, blank
 * paragraphs, tagged PDF, and an exporter other than {@link PdfExporter}.
 */
final class OneLineTextRenderer extends SimplePdfTextRenderer {

    /** Text elements drawn without JasperReports' paragraph layout, in this JVM: lets a test see it at work. */
    static final AtomicLong DRAWN_DIRECTLY = new AtomicLong();

    /** The attributes a plain run of text has: its font and colour, nothing that draws more than glyphs. */
    private static final Set<Attribute> PLAIN = Set.of(TextAttribute.FAMILY, TextAttribute.SIZE,
            TextAttribute.WEIGHT, TextAttribute.POSTURE, TextAttribute.FOREGROUND, JRTextAttribute.PDF_FONT_NAME,
            JRTextAttribute.PDF_ENCODING, JRTextAttribute.IS_PDF_EMBEDDED, JRTextAttribute.FONT_INFO);

    /** One paragraph as OpenPDF would lay it out: its text without trailing blanks, and the width left over. */
    private record Line(String text, float widthLeft) {
    }

    private final Locale locale;
    private ClassicPdfProducer producer;
    private int pageHeight;

    OneLineTextRenderer(JasperReportsContext jasperReportsContext, PdfTextRendererContext context) {
        super(jasperReportsContext, context);
        this.locale = context.getTextLocale();
    }

    @Override
    public void initialize(JRPdfExporter exporter, PdfProducer pdfProducer, JRPdfExporterTagHelper tagHelper,
                           JRPrintText text, JRStyledText styledText, int offsetX, int offsetY) {
        super.initialize(exporter, pdfProducer, tagHelper, text, styledText, offsetX, offsetY);
        // only our exporter tells the page height the drawing needs; otherwise JasperReports renders
        if (exporter instanceof PdfExporter ours && pdfProducer instanceof ClassicPdfProducer classic) {
            producer = classic;
            pageHeight = ours.pageHeight();
        } else {
            producer = null;
        }
    }

    @Override
    public void render() {
        Font font = producer == null ? null : plainFont();
        List<Line> lines = font == null ? null : oneLineParagraphs(font);
        if (lines == null) {
            super.render();
            return;
        }
        DRAWN_DIRECTLY.incrementAndGet();
        draw(font, lines);
    }

    /** The font of the element's one plain run of text, or null when it needs JasperReports' layout. */
    private Font plainFont() {
        List<JRStyledText.Run> runs = styledText.getRuns();
        if (runs.size() != 1 || producer.getPdfWriter().isTagged() || bulletChunk != null || htmlListIndent != 0
                || text.getRunDirection() != RunDirectionEnum.LTR || text.getAnchorName() != null
                || text.getBookmarkLevel() != JRAnchor.NO_BOOKMARK
                || (text.getHyperlinkType() != null && text.getHyperlinkType() != HyperlinkTypeEnum.NONE)) {
            return null;
        }
        switch (horizontalAlignment) {
            case LEFT, RIGHT, CENTER -> { }
            default -> {
                return null;
            }
        }
        JRStyledText.Run run = runs.get(0);
        Map<Attribute, Object> attributes = run.attributes;
        if (run.startIndex != 0 || run.endIndex != allText.length() || attributes == null
                || !PLAIN.containsAll(attributes.keySet())) {
            return null;
        }
        Font font = producer.getFont(attributes, locale);
        // OpenPDF simulates a bold or italic style the base font lacks, and draws underlines: not here
        boolean plainStyle = font.getStyle() == Font.NORMAL || font.getStyle() == Font.UNDEFINED;
        return plainStyle && font.getBaseFont() != null ? font : null;
    }

    /** Each paragraph of the text, when every one is plain left-to-right text that fits on one line. */
    private List<Line> oneLineParagraphs(Font font) {
        float columnWidth = Math.max(left(), right()) - Math.min(left(), right());
        if (allText.isEmpty() || columnWidth <= 0) {
            return null;
        }
        BaseFont baseFont = font.getBaseFont();
        float size = size(font);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= allText.length()) {
            int end = allText.indexOf('\n', start);
            end = end < 0 ? allText.length() : end;
            Line line = oneLine(allText.substring(start, end), baseFont, size, columnWidth);
            if (line == null) {
                return null;
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    /**
     * The paragraph as OpenPDF's line layout (BidiLine.processLine) would make it, when it fits:
     * trailing blanks dropped, then the width left after subtracting each character's width in
     * turn; null when a character does not fit or needs more than drawing its glyph.
     */
    private static Line oneLine(String paragraph, BaseFont font, float size, float columnWidth) {
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            // a control character may break the line (OpenPDF breaks at \r), and the others draw nothing
            if (c < ' ' || Character.isSurrogate(c) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)) {
                return null;
            }
        }
        int length = paragraph.length();
        while (length > 0 && paragraph.charAt(length - 1) == ' ') {
            length--;
        }
        if (length == 0 || LeftToRightPdfProducerFactory.needsBidi(paragraph)) {
            return null;
        }
        float width = columnWidth;
        for (int i = 0; i < length; i++) {
            char c = paragraph.charAt(i);
            float charWidth = font.getWidthPoint(c, size);
            if (width - charWidth < 0) {
                return null;
            }
            width -= charWidth;
        }
        return new Line(paragraph.substring(0, length), width);
    }

    /**
     * Draws the lines as SimplePdfTextRenderer, OpenPDF's ColumnText and PdfDocument.writeLineToContent
     * do for one plain chunk: each paragraph a column from the current line down to the box's
     * bottom, its one line a leading below; a line that would end below the column is not drawn.
     * (OpenPDF also adds indents of 0 and multiplies by a horizontal scale of 1, which change no
     * float: left out here. The widths left over are never -0, the one value adding 0 would change.)
     */
    private void draw(Font font, List<Line> lines) {
        PdfContentByte canvas = producer.getPdfContentByte();
        float size = size(font);
        Color color = font.getColor();
        float leftX = Math.min(left(), right());
        float bottom = pageHeight - y - height + bottomPadding - (legacyTextMeasuringFix ? 1 : 0);
        float leading = Math.max(size * text.getLineSpacingFactor(), -10000);
        float yLine = pageHeight - y - topPadding - verticalAlignOffset - text.getLeadingOffset();
        for (Line line : lines) {
            float maxY = Math.max(yLine, bottom);
            float minY = Math.min(yLine, bottom);
            yLine = maxY;
            if (yLine - leading < minY) {
                continue;
            }
            yLine -= leading;
            PdfContentByte out = canvas.getDuplicate();
            out.beginText();
            out.setTextMatrix(leftX + indent(line), yLine);
            out.setFontAndSize(font.getBaseFont(), size);
            if (color != null) {
                out.setColorFill(color);
            }
            out.showText(line.text());
            if (color != null) {
                out.resetRGBColorFill();
            }
            out.endText();
            canvas.add(out);
        }
    }

    /** PdfLine.indentLeft for a left-to-right line with no separators. */
    private float indent(Line line) {
        return switch (horizontalAlignment) {
            case RIGHT -> line.widthLeft();
            case CENTER -> line.widthLeft() / 2f;
            default -> 0;
        };
    }

    private float left() {
        return htmlListIndent + x + leftPadding;
    }

    private float right() {
        return x + width - rightPadding;
    }

    private static float size(Font font) {
        return font.getSize() == Font.UNDEFINED ? 12 : font.getSize();
    }
}
