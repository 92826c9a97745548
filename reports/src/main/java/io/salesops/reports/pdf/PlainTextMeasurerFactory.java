package io.salesops.reports.pdf;

import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRTextMeasurer;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRTextMeasurerFactory;

/**
 * Makes {@link PlainTextMeasurer}s. Public with a no-argument constructor because JasperReports
 * instantiates the factory its {@code net.sf.jasperreports.text.measurer.factory} property names.
 */
public final class PlainTextMeasurerFactory implements JRTextMeasurerFactory {

    @Override
    public JRTextMeasurer createMeasurer(JasperReportsContext jasperReportsContext, JRCommonText text) {
        return createMeasurer(FontUtil.getInstance(jasperReportsContext), text);
    }

    @Override
    public JRTextMeasurer createMeasurer(FontUtil fontUtil, JRCommonText text) {
        return new PlainTextMeasurer(fontUtil, text);
    }
}
