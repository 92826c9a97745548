package io.salesops.reports.pdf;

import java.awt.font.FontRenderContext;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.JRPropertiesHolder;
import net.sf.jasperreports.engine.JRPropertiesUtil;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.DynamicPropertiesHolder;
import net.sf.jasperreports.engine.fill.JRMeasuredText;
import net.sf.jasperreports.engine.fill.SimpleTextLineWrapper;
import net.sf.jasperreports.engine.fill.TextMeasureContext;
import net.sf.jasperreports.engine.fill.TextMeasurer;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextAttribute;

/**
 * JasperReports' fill-time text measurer, except that a text in one plain style is measured
 * without first being copied into an AWT attributed string.
 *
 * <p>Why: for every text element of every row, {@link TextMeasurer#measure} builds the text's AWT
 * attributed string (a copy of the text with its attributes and the AWT font resolved per run)
 * only to find where HTML list items begin; for a text in one style with no list that is one
 * stretch of text, the whole of it. On the statements that copy was half of measuring, a tenth of
 * the PDF threads' time. Here such a text is measured by JasperReports' own simple line wrapper and
 * its own {@code renderParagraph}, paragraph by paragraph, exactly as {@code measure} would, so the
 * measured heights, widths, line breaks and cuts are the same ({@code PlainTextMeasurerTest}
 * compares every measured field with {@code TextMeasurer}'s, and the pages of statements filled
 * both ways).
 *
 * <p>The attributed string also resolves each run's font and fails on one that is missing; the
 * simple line wrapper does the same when it first meets a font (family, size, style and locale),
 * with the same missing-font setting, so a missing font still fails the fill. Anything else takes
 * {@code measure}: several styles, lists, a first-line indent, tabs and other texts the simple line
 * wrapper refuses, empty paragraphs (a text that begins or ends with a line break, or has two in a
 * row), and an element whose missing-font setting is evaluated per row.
 */
final class PlainTextMeasurer extends TextMeasurer {

    /** Texts measured without the attributed string, in this JVM: lets a test see it at work. */
    static final AtomicLong MEASURED_DIRECTLY = new AtomicLong();

    private final SimpleTextLineWrapper lineWrapper = new SimpleTextLineWrapper();
    private final boolean missingFontPerRow;

    PlainTextMeasurer(FontUtil fontUtil, JRCommonText element) {
        super(fontUtil, element);
        missingFontPerRow = element instanceof DynamicPropertiesHolder dynamic
                && dynamic.hasDynamicProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT);
        lineWrapper.init(new Context(fontUtil));
    }

    @Override
    public JRMeasuredText measure(JRStyledText styledText, int remainingTextStart, int availableStretchHeight,
                                  boolean indentFirstLine, boolean canOverflow) {
        // a first-line indent applies to the first paragraph only, which measure tracks and this does not
        Integer firstLineIndent = textElement.getParagraph().getFirstLineIndent();
        if (!plain(styledText, remainingTextStart) || (firstLineIndent != null && firstLineIndent != 0)
                || !lineWrapper.start(styledText)) {
            return super.measure(styledText, remainingTextStart, availableStretchHeight, indentFirstLine,
                    canOverflow);
        }
        initialize(styledText, remainingTextStart, availableStretchHeight, indentFirstLine, canOverflow);
        MEASURED_DIRECTLY.incrementAndGet();
        htmlListIndent = 0;
        String text = styledText.getText();
        boolean fits = true;
        int start = remainingTextStart;
        while (fits && start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            fits = renderParagraph(lineWrapper, start, text.substring(start, end));
            start = end + 1;
        }
        return measuredState;
    }

    /** A text in one style, no list, whose remaining part has no empty paragraph. */
    private boolean plain(JRStyledText styledText, int remainingTextStart) {
        if (missingFontPerRow) {
            return false;
        }
        List<JRStyledText.Run> runs = styledText.getRuns();
        String text = styledText.getText();
        if (runs.size() != 1 || remainingTextStart >= text.length()) {
            return false;
        }
        JRStyledText.Run run = runs.get(0);
        if (run.startIndex != 0 || run.endIndex != text.length() || run.attributes == null
                || !Collections.disjoint(run.attributes.keySet(), JRTextAttribute.HTML_LIST_ATTRIBUTES)) {
            return false;
        }
        return text.charAt(remainingTextStart) != '\n' && text.charAt(text.length() - 1) != '\n'
                && text.indexOf("\n\n", remainingTextStart) < 0;
    }

    /** What the line wrapper asks of its measurer: the same answers JasperReports' own measurer gives. */
    private final class Context implements TextMeasureContext {

        private final FontUtil fontUtil;
        private final boolean ignoreMissingFont;

        Context(FontUtil fontUtil) {
            this.fontUtil = fontUtil;
            this.ignoreMissingFont = JRPropertiesUtil.getInstance(fontUtil.getJasperReportsContext())
                    .getBooleanProperty(getTextPropertiesHolder(), JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT, false);
        }

        @Override
        public JasperReportsContext getJasperReportsContext() {
            return jasperReportsContext;
        }

        @Override
        public FontUtil getFontUtil() {
            return fontUtil;
        }

        @Override
        public JRCommonText getElement() {
            return textElement;
        }

        @Override
        public JRPropertiesHolder getPropertiesHolder() {
            return getTextPropertiesHolder();
        }

        @Override
        public boolean isIgnoreMissingFont() {
            return ignoreMissingFont;
        }

        @Override
        public FontRenderContext getFontRenderContext() {
            return PlainTextMeasurer.this.getFontRenderContext();
        }
    }
}
