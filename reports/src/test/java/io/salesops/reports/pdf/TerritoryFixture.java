package io.salesops.reports.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parameters and rows for the territory summary template: wrapped cells, Chinese and Latin, several pages. */
final class TerritoryFixture {

    static final String TEMPLATE = "io/salesops/reports/territory/territory-summary.jrxml";

    private TerritoryFixture() {
    }

    static Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        for (String name : List.of("period", "currency", "generatedAt", "totalRevenue", "totalQuota",
                "totalAttainment", "totalInvoices", "totalReps")) {
            parameters.put(name, name.equals("period") ? "2026-03" : "合计 total " + name);
        }
        return parameters;
    }

    static List<Map<String, ?>> rows(int count) {
        List<Map<String, ?>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.of("region", "华东区 East China region " + i, "territory", "上海浦东新区 Shanghai Pudong " + i,
                    "revenue", String.format("%,d.%02d", 1_000_000 + i * 7919, i % 100), "quota", "1,000,000.00",
                    "attainment", (90 + i % 20) + ".0%", "invoices", Integer.toString(i * 3), "reps", "7"));
        }
        return records;
    }
}
