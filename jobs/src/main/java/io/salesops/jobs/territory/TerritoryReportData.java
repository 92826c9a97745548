package io.salesops.jobs.territory;

import io.salesops.reports.format.ReportFormats;
import io.salesops.reports.territory.TerritorySummaryRow;
import io.salesops.warehouse.store.TableVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one period of the territory mart for the PDF, a row per territory ordered by region (a
 * row without one last, its region printed "—"). A few dozen rows: DuckDB reads them from
 * the mart's Parquet in milliseconds, where a Spark job would cost seconds.
 */
public final class TerritoryReportData {

    private TerritoryReportData() {
    }

    /** Printed for the reps without a territory (the mart's {@code unassigned} row). */
    static final String UNASSIGNED_NAME = "未分配 Unassigned";

    public static List<TerritorySummaryRow> load(TableVersion mart, java.time.YearMonth period) {
        String sql = "SELECT territory_id, territory_name, region, revenue, quota, attainment, invoice_count,"
                + " rep_count FROM read_parquet(?) WHERE period = ? ORDER BY region, territory_id";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, mart.parquetGlob());
            statement.setString(2, period.toString());
            List<TerritorySummaryRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TerritorySummaryRow(rs.getString(1), name(rs.getString(1), rs.getString(2)),
                            rs.getString(3) == null ? ReportFormats.NOT_APPLICABLE : rs.getString(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7),
                            rs.getInt(8)));
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("territory_performance " + mart.label() + " has no rows for period "
                        + period);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read territory_performance " + mart.label() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The mart has no name for its {@code unassigned} row, nor for a territory the reps name that
     * the territories export lacks; the report prints every row, so it prints the id then.
     */
    private static String name(String territoryId, String territoryName) {
        if (territoryName != null && !territoryName.isBlank()) {
            return territoryName;
        }
        return TerritoryPerformance.UNASSIGNED.equals(territoryId) ? UNASSIGNED_NAME : territoryId;
    }
}
