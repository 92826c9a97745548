package io.salesops.reports.commission;

import io.salesops.reports.format.ReportFormats;
import io.salesops.reports.pdf.PdfRenderer;
import io.salesops.reports.pdf.ReportFont;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rep's commission statement for one period as a PDF (A4 portrait): who, which plan, the summary
 * (credited, quota, attainment, earned, adjustments, payable), earnings per component, every
 * transaction line with its rate and explanation, and the adjustments with the periods they
 * correct. Chinese names print in the embedded Noto Sans SC. Thread-safe; build once and reuse.
 */
public final class RepStatementReport {

    static final String TEMPLATE = "io/salesops/reports/commission/rep-statement.jrxml";
    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final PdfRenderer renderer;
    private final Clock clock;

    public RepStatementReport() {
        this(ReportFont.fromSystemProperties(), Clock.systemDefaultZone());
    }

    public RepStatementReport(ReportFont font, Clock clock) {
        this.renderer = new PdfRenderer(TEMPLATE, font);
        this.clock = clock;
    }

    /** The file name of a statement: says what it is, the period and the rep. */
    public static String fileName(String period, String repId) {
        return "statement-" + period + "-" + repId.replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf";
    }

    public Path render(RepStatement statement, Path outputFile) {
        return renderer.render(parameters(statement), rows(statement), outputFile);
    }

    private Map<String, Object> parameters(RepStatement s) {
        Map<String, Object> p = new HashMap<>();
        p.put("period", s.period());
        p.put("rep", (s.repName() == null ? "" : s.repName() + " ") + "(" + s.repId() + ")");
        p.put("plan", s.plan());
        p.put("currency", s.currency());
        p.put("status", s.status());
        p.put("generatedAt", GENERATED_AT.format(ZonedDateTime.now(clock)));
        p.put("credited", ReportFormats.money(s.credited()));
        p.put("quota", s.quota() == null ? ReportFormats.NOT_APPLICABLE : ReportFormats.money(s.quota()));
        p.put("attainment", ReportFormats.percent(s.attainment()));
        p.put("earned", ReportFormats.money(s.earned()));
        p.put("adjustments", ReportFormats.money(s.adjustments()));
        p.put("payable", ReportFormats.money(s.payable()));
        p.put("drawBalance", s.drawBalance() == null ? ReportFormats.NOT_APPLICABLE : ReportFormats.money(s.drawBalance()));
        return p;
    }

    /**
     * One table of three sections; each row carries its section's title and column headings, which
     * the template's group header prints once per section.
     */
    private static List<Map<String, ?>> rows(RepStatement s) {
        List<Map<String, ?>> rows = new ArrayList<>();
        String[] componentHeads = {"组成部分 Component", "", "", "金额 Amount", "计算 Calculation"};
        for (RepStatement.ComponentTotal c : s.components()) {
            rows.add(row("1", "按组成部分 Earned by component", componentHeads, c.component(), "", "",
                    ReportFormats.money(c.amount()), c.calculation()));
        }
        String[] lineHeads = {"组成部分 Component", "交易 Transaction", "费率 Rate", "金额 Amount", "说明 Explanation"};
        for (RepStatement.Line l : s.lines()) {
            String explanation = l.reasonCode() == null || l.reasonCode().isEmpty() ? l.explanation()
                    : l.reasonCode() + ": " + l.explanation();
            rows.add(row("2", "交易明细 Transaction lines", lineHeads, l.component(), l.transactionId(), rate(l.rate()),
                    ReportFormats.money(l.amount()), explanation));
        }
        String[] adjustmentHeads = {"类型 Kind", "交易 Transaction", "所属期间 Origin", "金额 Amount", "原因 Reason"};
        for (RepStatement.AdjustmentLine a : s.adjustmentLines()) {
            rows.add(row("3", "调整 Adjustments", adjustmentHeads, a.kind() + " " + a.component(), a.transactionId(),
                    a.originPeriod(), ReportFormats.money(a.amount()), a.reason()));
        }
        return rows;
    }

    private static Map<String, ?> row(String section, String title, String[] heads, String c1, String c2, String c3,
                                      String amount, String text) {
        Map<String, String> row = new HashMap<>();
        row.put("section", section);
        row.put("title", title);
        for (int i = 0; i < heads.length; i++) {
            row.put("h" + (i + 1), heads[i]);
        }
        row.put("c1", c1);
        row.put("c2", c2);
        row.put("c3", c3);
        row.put("amount", amount);
        row.put("text", text);
        return row;
    }

    /** Rates print as percentages with up to 4 decimals: 0.015 → 1.5%. */
    private static String rate(BigDecimal rate) {
        if (rate == null) {
            return "";
        }
        return rate.movePointRight(2).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }
}
