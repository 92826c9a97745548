package io.salesops.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import net.sf.jasperreports.charts.JRBarPlot;
import net.sf.jasperreports.charts.JRCategoryAxisFormat;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRValueAxisFormat;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRExpression;
import net.sf.jasperreports.engine.JRChild;
import net.sf.jasperreports.engine.JRElementGroup;
import net.sf.jasperreports.engine.JRExpressionChunk;
import net.sf.jasperreports.engine.JRFont;
import net.sf.jasperreports.engine.JRFrame;
import net.sf.jasperreports.engine.JRStaticText;
import net.sf.jasperreports.engine.JRTextElement;
import net.sf.jasperreports.engine.JRTextField;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.type.ExpressionTypeEnum;
import net.sf.jasperreports.engine.util.JRElementsVisitor;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRVisitorSupport;
import net.sf.jasperreports.engine.util.StyleResolver;

/**
 * A JRXML template compiled once per JVM, with what the font check needs to know about it: the
 * font families its text elements and its charts' labels resolve to and the text it prints whatever
 * the data.
 *
 * <p>Templates in this module keep every expression a bare {@code $F{..}}/{@code $P{..}}/{@code $V{..}}
 * or a {@code simpleText} expression, which JasperReports evaluates without compiling Java, so
 * compiling needs no Java compiler at run time.
 */
final class CompiledTemplate {

    private static final ConcurrentMap<String, CompiledTemplate> CACHE = new ConcurrentHashMap<>();

    private final String resource;
    private final JasperReport report;
    private final Set<String> fontFamilies;
    private final List<String> fixedTexts;

    private CompiledTemplate(String resource, JasperReport report, Set<String> fontFamilies, List<String> fixedTexts) {
        this.resource = resource;
        this.report = report;
        this.fontFamilies = Set.copyOf(fontFamilies);
        this.fixedTexts = List.copyOf(fixedTexts);
    }

    /** @param resource a classpath resource name, e.g. {@code io/salesops/reports/territory/territory-summary.jrxml} */
    static CompiledTemplate load(String resource) {
        return CACHE.computeIfAbsent(resource, CompiledTemplate::compile);
    }

    String resource() {
        return resource;
    }

    JasperReport report() {
        return report;
    }

    Set<String> fontFamilies() {
        return fontFamilies;
    }

    List<String> fixedTexts() {
        return fixedTexts;
    }

    private static CompiledTemplate compile(String resource) {
        JasperReport report;
        try (InputStream jrxml = CompiledTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new IllegalArgumentException("report template is not on the classpath: " + resource);
            }
            report = JasperCompileManager.getInstance(DefaultJasperReportsContext.getInstance()).compile(jrxml);
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile report template " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + resource, e);
        }
        String ignoreMissingFont = report.getProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT);
        if (Boolean.parseBoolean(ignoreMissingFont)) {
            throw new IllegalStateException("report template " + resource + " must not set "
                    + JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT + ", cannot be: " + ignoreMissingFont);
        }
        TextCollector texts = new TextCollector();
        new ChartsToo(texts).visitReport(report);
        if (texts.fontFamilies.isEmpty()) {
            throw new IllegalStateException("report template " + resource + " has no text elements");
        }
        return new CompiledTemplate(resource, report, texts.fontFamilies, texts.fixedTexts);
    }

    /**
     * JasperReports' walk over every element. It hands a chart to the charts extension's visitor, which
     * does nothing for this walk, so the charts are picked out of their band, group or frame here.
     */
    private static final class ChartsToo extends JRElementsVisitor {

        private final TextCollector texts;

        ChartsToo(TextCollector texts) {
            super(texts);
            this.texts = texts;
        }

        @Override
        public void visitElementGroup(JRElementGroup group) {
            visitCharts(group.getChildren());
            super.visitElementGroup(group);
        }

        @Override
        public void visitFrame(JRFrame frame) {
            visitCharts(frame.getChildren());
            super.visitFrame(frame);
        }

        private void visitCharts(List<JRChild> children) {
            if (children != null) {
                for (JRChild child : children) {
                    if (child instanceof JRChart chart) {
                        texts.visitChart(chart);
                    }
                }
            }
        }
    }

    private static final class TextCollector extends JRVisitorSupport {

        private final StyleResolver styles = new StyleResolver(DefaultJasperReportsContext.getInstance());
        private final Set<String> fontFamilies = new TreeSet<>();
        private final List<String> fixedTexts = new ArrayList<>();

        @Override
        public void visitStaticText(JRStaticText staticText) {
            addFontFamily(staticText);
            if (staticText.getText() != null) {
                fixedTexts.add(staticText.getText());
            }
        }

        @Override
        public void visitTextField(JRTextField textField) {
            addFontFamily(textField);
            JRExpression expression = textField.getExpression();
            if (expression != null && expression.getType() == ExpressionTypeEnum.SIMPLE_TEXT
                    && expression.getChunks() != null) {
                for (JRExpressionChunk chunk : expression.getChunks()) {
                    if (chunk.getType() == JRExpressionChunk.TYPE_TEXT) {
                        fixedTexts.add(chunk.getText());
                    }
                }
            }
        }

        /**
         * The families of a chart's title, legend, axis and item labels that the template sets. A chart
         * draws its labels in the fonts the template gives it; the text comes from its dataset, which
         * PdfRenderer checks with the other printed text.
         */
        void visitChart(JRChart chart) {
            List<JRFont> fonts = new ArrayList<>();
            fonts.add(chart.getTitleFont());
            fonts.add(chart.getSubtitleFont());
            fonts.add(chart.getLegendFont());
            if (chart.getPlot() instanceof JRCategoryAxisFormat category) {
                fonts.add(category.getCategoryAxisLabelFont());
                fonts.add(category.getCategoryAxisTickLabelFont());
            }
            if (chart.getPlot() instanceof JRValueAxisFormat value) {
                fonts.add(value.getValueAxisLabelFont());
                fonts.add(value.getValueAxisTickLabelFont());
            }
            if (chart.getPlot() instanceof JRBarPlot bar && bar.getItemLabel() != null) {
                fonts.add(bar.getItemLabel().getFont());
            }
            for (JRFont font : fonts) {
                if (font != null) {
                    fontFamilies.add(styles.getFontName(font));
                }
            }
        }

        private void addFontFamily(JRTextElement element) {
            fontFamilies.add(styles.getFontName(element));
        }
    }
}
