package io.salesops.reports.territory;

import static io.salesops.reports.format.ReportFormats.count;
import static io.salesops.reports.format.ReportFormats.money;
import static io.salesops.reports.format.ReportFormats.percent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The printed table of the territory summary: one line per row in the order given, and the totals.
 *
 * <p>Totals: revenue, quota and invoices are summed; attainment is Σ revenue / Σ quota (not the mean of
 * the rows' ratios), blank ("—") when Σ quota is zero. Reps are not totalled: a rep can cover more
 * than one territory, so the sum of rep counts is not a head count.
 */
record TerritorySummaryTable(List<Line> lines, Line total) {

    static final String TOTAL_LABEL = "合计 Total";

    TerritorySummaryTable {
        lines = List.copyOf(lines);
    }

    /** One printed row, every cell formatted. */
    record Line(String region, String territory, String revenue, String quota, String attainment, String invoices,
                String reps) {

        /** The field values of the template's detail band. */
        Map<String, ?> fields() {
            return Map.of("region", region, "territory", territory, "revenue", revenue, "quota", quota,
                    "attainment", attainment, "invoices", invoices, "reps", reps);
        }
    }

    static TerritorySummaryTable of(List<TerritorySummaryRow> rows) {
        Map<String, Integer> rowNumberById = new HashMap<>();
        List<Line> lines = new ArrayList<>(rows.size());
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal quota = BigDecimal.ZERO;
        long invoices = 0;
        for (int i = 0; i < rows.size(); i++) {
            TerritorySummaryRow row = rows.get(i);
            if (row == null) {
                throw new IllegalArgumentException("rows must not contain null, found at row " + (i + 1));
            }
            Integer earlier = rowNumberById.putIfAbsent(row.territoryId(), i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException("territoryId must be unique in a report, cannot be: "
                        + row.territoryId() + " (rows " + earlier + " and " + (i + 1) + ")");
            }
            lines.add(new Line(row.region(), row.territoryName(), money(row.revenue()), money(row.quota()),
                    percent(row.attainment()), count(row.invoiceCount()), count(row.repCount())));
            revenue = revenue.add(row.revenue());
            quota = quota.add(row.quota());
            invoices = Math.addExact(invoices, row.invoiceCount());
        }
        BigDecimal attainment = quota.signum() == 0 ? null : revenue.divide(quota, MathContext.DECIMAL64);
        Line total = new Line("", TOTAL_LABEL, money(revenue), money(quota), percent(attainment), count(invoices), "");
        return new TerritorySummaryTable(lines, total);
    }
}
