package io.salesops.reports.pdf;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills one JRXML template with parameters and records and writes the PDF atomically.
 *
 * <p>The template is compiled once per JVM. Before each fill, every character the report would print
 * (the template's fixed text, every String parameter and field value, and the String fields of a
 * subdataset given as a {@link JRMapCollectionDataSource} parameter) is checked against the font
 * ({@link MissingGlyphsException}). Reports print text the caller has formatted: templates stay
 * layout, formatting stays in Java where it is tested. Thread-safe; build one per template and font
 * and reuse it (a configured font file is loaded once per renderer).
 */
public final class PdfRenderer {

    private static final String CREATOR = "SalesOps";

    private final CompiledTemplate template;
    private final JasperReportsContext context;

    /** @param templateResource a JRXML classpath resource, e.g. {@code io/salesops/reports/territory/territory-summary.jrxml} */
    public PdfRenderer(String templateResource, ReportFont font) {
        Objects.requireNonNull(templateResource, "templateResource");
        Objects.requireNonNull(font, "font");
        this.template = CompiledTemplate.load(templateResource);
        this.context = JasperContexts.forFont(font, template.fontFamilies());
    }

    /** A renderer on a context the caller made, e.g. from {@link JasperContexts#forFont} with a property changed. */
    PdfRenderer(String templateResource, Function<Set<String>, JasperReportsContext> context) {
        this.template = CompiledTemplate.load(templateResource);
        this.context = context.apply(template.fontFamilies());
    }

    /**
     * Writes the PDF to a stream the caller owns; to a file, the caller writes it whole or not at all
     * (the jobs use the warehouse's {@code AtomicFile}).
     *
     * @param parameters report parameters; {@link JRParameter#REPORT_LOCALE} defaults to {@link Locale#ROOT}. A
     *                   subdataset's records go in as a {@link JRMapCollectionDataSource}, made for this call
     *                   (a fill consumes it)
     * @param records    one map of field name to value per detail row, in print order
     * @throws MissingGlyphsException when the font lacks a glyph the report needs; nothing is written to {@code out}
     */
    public void render(Map<String, ?> parameters, List<Map<String, ?>> records, OutputStream out) {
        Objects.requireNonNull(out, "out");
        JasperPrint print = checkAndFill(parameters, records);
        try {
            export(print, out);
        } catch (JRException e) {
            throw new IllegalStateException("cannot export report template " + template.resource() + ": "
                    + e.getMessage(), e);
        }
    }

    private JasperPrint checkAndFill(Map<String, ?> parameters, List<Map<String, ?>> records) {
        Map<String, Object> fillParameters = new HashMap<>(parameters);
        fillParameters.putIfAbsent(JRParameter.REPORT_LOCALE, Locale.ROOT);
        Locale locale = (Locale) fillParameters.get(JRParameter.REPORT_LOCALE);

        GlyphCheck.requireDisplayable(context, locale, template.fontFamilies(), printedTexts(parameters, records),
                template.resource());
        return fill(fillParameters, records);
    }

    private List<String> printedTexts(Map<String, ?> parameters, List<Map<String, ?>> records) {
        List<String> texts = new ArrayList<>(template.fixedTexts());
        addStrings(parameters.values(), texts);
        for (Map<String, ?> record : records) {
            addStrings(record.values(), texts);
        }
        return texts;
    }

    /**
     * Strings, and the strings of the records of a {@link JRMapCollectionDataSource} parameter: the records
     * of a subdataset (a chart's, a table's) that a template runs on that parameter.
     */
    private static void addStrings(Collection<?> values, List<String> texts) {
        for (Object value : values) {
            if (value instanceof String text) {
                texts.add(text);
            } else if (value instanceof JRMapCollectionDataSource dataset) {
                for (Map<String, ?> record : dataset.getData()) {
                    addStrings(record.values(), texts);
                }
            }
        }
    }

    private JasperPrint fill(Map<String, Object> parameters, List<Map<String, ?>> records) {
        try {
            return JasperFillManager.getInstance(context)
                    .fill(template.report(), parameters, new JRMapCollectionDataSource(records));
        } catch (JRException e) {
            throw new IllegalStateException("cannot fill report template " + template.resource() + ": "
                    + e.getMessage(), e);
        }
    }

    private void export(JasperPrint print, OutputStream out) throws JRException {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataCreator(CREATOR);
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setConfiguration(configuration);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
    }
}
