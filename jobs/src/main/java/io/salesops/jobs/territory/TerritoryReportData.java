package io.salesops.jobs.territory;

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
 * Reads one period of the territory mart for the PDF. A few dozen rows: DuckDB reads them from
 * the mart's Parquet in milliseconds, where a Spark job would cost seconds.
 */
public final class TerritoryReportData {

    private TerritoryReportData() {
    }

    public static List<TerritorySummaryRow> load(TableVersion mart, String period) {
        String sql = "SELECT territory_id, territory_name, region, revenue, quota, attainment, invoice_count,"
                + " rep_count FROM read_parquet(?) WHERE period = ? ORDER BY region, territory_id";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, mart.parquetGlob());
            statement.setString(2, period);
            List<TerritorySummaryRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TerritorySummaryRow(rs.getString(1), rs.getString(2), rs.getString(3),
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
}
