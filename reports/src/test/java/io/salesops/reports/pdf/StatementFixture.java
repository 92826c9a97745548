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
