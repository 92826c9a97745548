package io.salesops.reports.territory;

import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.salesops.reports.pdf.PdfRenderer;
import io.salesops.reports.pdf.ReportFont;

/**
 * The territory performance summary of one period as a PDF: title and period, a table of territories
 * in the order given, a bold totals row, page numbers. Chinese text is printed with Noto Sans SC
 * embedded in the PDF, or with a configured font ({@link ReportFont}); a font that lacks a glyph
 * fails the report before anything is written. Thread-safe; build once and reuse.
 */
public final class TerritorySummaryReport {

    static final String TEMPLATE = "io/salesops/reports/territory/territory-summary.jrxml";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final PdfRenderer renderer;
    private final Clock clock;

    /** With the font the system properties configure ({@link ReportFont#fromSystemProperties()}), else the bundled one. */
    public TerritorySummaryReport() {
        this(ReportFont.fromSystemProperties(), Clock.systemDefaultZone());
    }

    public TerritorySummaryReport(ReportFont font) {
        this(font, Clock.systemDefaultZone());
    }

    /** @param clock tells the generated-at time and its zone */
    public TerritorySummaryReport(ReportFont font, Clock clock) {
        this.renderer = new PdfRenderer(TEMPLATE, font);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the report to {@code out}; nothing is written when a check fails.
     *
     * @param period   the month the rows are of
     * @param currency ISO 4217 code of every amount in rows
     * @param rows     printed in this order; may be empty (a table with zero totals)
     * @throws IllegalArgumentException for a bad currency or rows
     * @throws io.salesops.reports.pdf.MissingGlyphsException when the font cannot show some text
     */
    public void render(YearMonth period, String currency, List<TerritorySummaryRow> rows, OutputStream out) {
        Objects.requireNonNull(period, "period");
        requireCurrency(currency);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        TerritorySummaryTable table = TerritorySummaryTable.of(rows);
        renderer.render(parameters(period, currency, table.total()), records(table), out);
    }

    private Map<String, Object> parameters(YearMonth period, String currency, TerritorySummaryTable.Line total) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("period", period.toString());
        parameters.put("currency", currency);
        parameters.put("generatedAt", GENERATED_AT.format(ZonedDateTime.now(clock)));
        parameters.put("totalRevenue", total.revenue());
        parameters.put("totalQuota", total.quota());
        parameters.put("totalAttainment", total.attainment());
        parameters.put("totalInvoices", total.invoices());
        parameters.put("totalReps", total.reps());
        return parameters;
    }

    private static List<Map<String, ?>> records(TerritorySummaryTable table) {
        return table.lines().stream().<Map<String, ?>>map(TerritorySummaryTable.Line::fields).toList();
    }

    private static void requireCurrency(String currency) {
        if (currency != null && CURRENCY.matcher(currency).matches()) {
            try {
                Currency.getInstance(currency);
                return;
            } catch (IllegalArgumentException e) {
                // three letters, but no ISO 4217 code: reported below
            }
        }
        throw new IllegalArgumentException("currency must be an ISO 4217 code, cannot be: " + currency);
    }
}
