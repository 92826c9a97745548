package io.salesops.reports.funnel;

import java.io.OutputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import io.salesops.reports.pdf.PdfRenderer;
import io.salesops.reports.pdf.ReportFont;

/**
 * The sales funnel of one period as a PDF (A4 portrait): the funnel by step as a table and a bar chart of
 * the deals that entered each step, win rates by region and by source, the median time in stage, the
 * pipeline movement and the top of three work lists (follow-ups due, churn risk, renewals due). Chinese
 * text, the chart's labels included, is printed with Noto Sans SC embedded in the PDF, or with a configured
 * font ({@link ReportFont}); a font that lacks a glyph fails the report before anything is written.
 * Thread-safe; build once and reuse.
 */
public final class FunnelReport {

    static final String TEMPLATE = "io/salesops/reports/funnel/funnel.jrxml";

    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final PdfRenderer renderer;
    private final Clock clock;

    /** With the font the system properties configure ({@link ReportFont#fromSystemProperties()}), else the bundled one. */
    public FunnelReport() {
        this(ReportFont.fromSystemProperties(), Clock.systemDefaultZone());
    }

    /** @param clock tells the generated-at time and its zone */
    public FunnelReport(ReportFont font, Clock clock) {
        this.renderer = new PdfRenderer(TEMPLATE, font);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the report to {@code out}; nothing is written when a check fails.
     *
     * @throws io.salesops.reports.pdf.MissingGlyphsException when the font cannot show some text
     */
    public void render(FunnelReportData data, OutputStream out) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        renderer.render(parameters(data), FunnelReportLines.of(data), out);
    }

    private Map<String, Object> parameters(FunnelReportData data) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("period", data.period().toString());
        parameters.put("funnelName", data.funnelName());
        parameters.put("generatedAt", GENERATED_AT.format(ZonedDateTime.now(clock)));
        // the chart's own dataset; PdfRenderer checks its strings (the step names) against the font too
        parameters.put("stepChart", new JRMapCollectionDataSource(FunnelReportLines.chart(data)));
        return parameters;
    }
}
