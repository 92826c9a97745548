package io.salesops.reports.territory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Territory rows shared by the tests, named after what they are. */
final class TerritoryFixtures {

    private TerritoryFixtures() {
    }

    static TerritorySummaryRow row(String id, String name, String region, String revenue, String quota,
                                   String attainment, long invoices, int reps) {
        return new TerritorySummaryRow(id, name, region, new BigDecimal(revenue), new BigDecimal(quota),
                attainment == null ? null : new BigDecimal(attainment), invoices, reps);
    }

    /** East above quota-ish, South above quota, North-west without a quota; the golden file's input. */
    static List<TerritorySummaryRow> threeChineseTerritories() {
        return List.of(
                row("T-CN-E", "华东", "东部 East", "1234567.89", "1268750.00", "0.9731", 1204, 12),
                row("T-CN-S", "华南", "南部 South", "987654.32", "900000.00", "1.0974", 876, 9),
                row("T-CN-NW", "西北", "西部 West", "123456.78", "0.00", null, 45, 2));
    }

    /** Enough rows for more than one A4 landscape page. */
    static List<TerritorySummaryRow> manyTerritories(int count) {
        List<TerritorySummaryRow> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(row("T-" + i, "华北 第" + i + "区", "北部 North", "1000.00", "2000.00", "0.5", 10, 1));
        }
        return rows;
    }
}
