package io.salesops.reports.pdf;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * JasperReports' PDF exporter, telling {@link OneLineTextRenderer} the height of the page being
 * drawn: JasperReports keeps it to itself, and the renderer needs it to place text exactly where
 * JasperReports' own renderer would.
 */
final class PdfExporter extends JRPdfExporter {

    PdfExporter(JasperReportsContext context) {
        super(context);
    }

    /** The height of the page being exported, in points, as JasperReports' text renderers read it. */
    int pageHeight() {
        return getCurrentPageFormat().getPageHeight();
    }
}
