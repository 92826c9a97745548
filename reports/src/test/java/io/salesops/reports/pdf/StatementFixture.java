package io.salesops.reports.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows and parameters for the statement template, as a test states them: the template's field
 * map written out on its own (RepStatementReport builds the same), so a test pins the template's
 * contract rather than the report's code.
 */
final class StatementFixture {

    static final String TEMPLATE = "io/salesops/reports/commission/rep-statement.jrxml";

    private StatementFixture() {
    }

    /**
     * Calculation cells of every kind a statement prints: two lines, Chinese with trailing blanks,
     * one that wraps, a tab, a blank line, and one so long that its row breaks across pages and the
     * text continues on the next.
     */
    static final List<String> CALCULATIONS = List.of(
            "base 1.5%: 9,882.04 × 1.5% → 148.23\ntiers: share of 578,400.00 → 12.40",
            "base: 华东区 East China 客户 customer → 1.00   ",
            "spif: " + "a long explanation that cannot fit on one line of the column ".repeat(3),
            "tab\tseparated", "first line\n\nafter a blank line",
            String.join("\n", java.util.Collections.nCopies(70, "tiers: share of 578,400.00 → 12.40")));

    /**
     * Transaction rows SKD10000000, SKD10000001, ... cycling through {@link #CALCULATIONS}; every
     * 17th amount has three lines in a one-line box, which the fill cuts to what fits.
     */
    static List<Map<String, ?>> transactionRows(int count) {
        List<Map<String, ?>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String amount = i % 17 == 0 ? "1.00\n2.00\n3.00" : String.format("%,d.%02d", 1_000 + i * 7919, i % 100);
            rows.add(row("2", true, "SKD" + (10_000_000 + i), CALCULATIONS.get(i % CALCULATIONS.size()), "", amount,
                    ""));
        }
        return rows;
    }

    static Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        for (String name : List.of("period", "rep", "plan", "currency", "status", "generatedAt", "credited", "quota",
                "attainment", "earned", "adjustments", "payable", "drawBalance", "drawForgiven")) {
            parameters.put(name, name.equals("rep") ? "王小明 Wang Xiaoming (E1001)" : "1,234.50 " + name);
        }
        return parameters;
    }

    static Map<String, ?> row(String section, boolean transaction, String c1, String c2, String c3, String amount,
                              String text) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("title", "第" + section + "节 Section " + section);
        for (int i = 1; i <= 5; i++) {
            row.put("h" + i, "列 Column " + i);
        }
        row.put("c1", c1);
        row.put("c2", c2);
        row.put("c3", c3);
        row.put("amount", amount);
        row.put("text", text);
        row.put("transactionRow", transaction);
        row.put("tableRow", !transaction);
        return row;
    }
}
