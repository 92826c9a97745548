package io.salesops.reports.pdf;

import java.text.AttributedCharacterIterator.Attribute;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRStyledTextAttributeSelector;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRTemplateElement;
import net.sf.jasperreports.engine.fill.JRTemplatePrintElement;
import net.sf.jasperreports.engine.fill.JRTemplatePrintText;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.common.LineCapStyle;

/**
 * JasperReports' PDF exporter, telling {@link OneLineTextRenderer} the height of the page being
 * drawn (JasperReports keeps it to itself, and the renderer needs it to place text exactly where
 * JasperReports' own renderer would), and working out once per element template, not once per
 * element, what JasperReports would work out the same way for each: a text's font and colour
 * attributes, and whether its box has any border to draw.
 *
 * <p>Why: a statement prints hundreds of thousands of cells from a few templates, and
 * JasperReports resolves every font property and every border pen of every cell through the
 * template's style chain: about a sixth of the PDF export. A filled element's template, and with
 * it those values, does not change (its setters do nothing), so they are remembered for the
 * templates of one export; an element of any other kind is worked out as JasperReports does.
 */
final class PdfExporter extends JRPdfExporter {

    private final Map<JRLineBox, Boolean> borderless = new IdentityHashMap<>();

    PdfExporter(JasperReportsContext context) {
        super(context);
    }

    /** The height of the page being exported, in points, as JasperReports' text renderers read it. */
    int pageHeight() {
        return getCurrentPageFormat().getPageHeight();
    }

    @Override
    protected void setJasperReportsContext(JasperReportsContext jasperReportsContext) {
        super.setJasperReportsContext(jasperReportsContext);
        noBackcolorSelector = new PerTemplate(jasperReportsContext, noBackcolorSelector);
    }

    /**
     * As JasperReports draws a box, which for one without a visible pen is only resetting the dash
     * and cap; remembered for the boxes of filled elements' templates, worked out each time for others.
     */
    @Override
    protected void exportBox(JRLineBox box, JRPrintElement element) {
        boolean none = element instanceof JRTemplatePrintElement
                ? borderless.computeIfAbsent(box, PdfExporter::borderless) : borderless(box);
        if (none) {
            pdfContent.setLineDash(0f);
            pdfContent.setLineCap(LineCapStyle.PROJECTING_SQUARE);
        } else {
            super.exportBox(box, element);
        }
    }

    /** No pen wide enough for JRPdfExporter to stroke it. */
    private static boolean borderless(JRLineBox box) {
        return !(box.getTopPen().getLineWidth() > 0f) && !(box.getLeftPen().getLineWidth() > 0f)
                && !(box.getBottomPen().getLineWidth() > 0f) && !(box.getRightPen().getLineWidth() > 0f);
    }

    /**
     * The attributes JasperReports' own selector gives a text, remembered per template (copied out,
     * since the styled text built on them is the caller's to change).
     */
    private static final class PerTemplate extends JRStyledTextAttributeSelector {

        private final JRStyledTextAttributeSelector own;
        private final Map<JRTemplateElement, Map<Attribute, Object>> byTemplate = new IdentityHashMap<>();

        PerTemplate(JasperReportsContext context, JRStyledTextAttributeSelector own) {
            super(context);
            this.own = own;
        }

        @Override
        public Map<Attribute, Object> getStyledTextAttributes(JRPrintText printText) {
            if (!(printText instanceof JRTemplatePrintText templated)) {
                return own.getStyledTextAttributes(printText);
            }
            return new HashMap<>(byTemplate.computeIfAbsent(templated.getTemplate(),
                    template -> own.getStyledTextAttributes(printText)));
        }
    }
}
