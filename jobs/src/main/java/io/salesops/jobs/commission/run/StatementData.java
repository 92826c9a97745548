package io.salesops.jobs.commission.run;

import io.salesops.reports.commission.RepStatement;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one period of the published statements, lines and adjustments (the versions a run
 * published) with DuckDB and assembles each rep's {@link RepStatement} for the PDF.
 */
final class StatementData {

    private StatementData() {
    }

    static List<RepStatement> load(String period, String status, TableVersion statements, TableVersion lines,
                                   TableVersion adjustments) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            Map<String, List<RepStatement.Line>> linesByRep = new HashMap<>();
            List<Path> lineFiles = files(CommissionTables.COMMISSION_LINES, lines, period);
            if (!lineFiles.isEmpty()) {
                try (ResultSet rs = sql.executeQuery("SELECT rep_id, component, transaction_id, rate, amount,"
                        + " explanation, reason_code FROM read_parquet(" + list(lineFiles) + ") ORDER BY rep_id,"
                        + " line_no")) {
                    while (rs.next()) {
                        linesByRep.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(new RepStatement.Line(
                                rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                                rs.getString(6), rs.getString(7)));
                    }
                }
            }
            Map<String, List<RepStatement.AdjustmentLine>> adjustmentsByRep = new HashMap<>();
            List<Path> adjustmentFiles = adjustments == null ? List.of()
                    : files(CommissionTables.COMMISSION_ADJUSTMENTS, adjustments, period);
            if (!adjustmentFiles.isEmpty()) {
                try (ResultSet rs = sql.executeQuery("SELECT rep_id, kind, origin_period, component, transaction_id,"
                        + " amount, reason FROM read_parquet(" + list(adjustmentFiles) + ") ORDER BY rep_id,"
                        + " adjustment_no")) {
                    while (rs.next()) {
                        adjustmentsByRep.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(
                                new RepStatement.AdjustmentLine(rs.getString(2), rs.getString(3), rs.getString(4),
                                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7)));
                    }
                }
            }
            List<RepStatement> result = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT rep_id, rep_name, plan_id, plan_version, currency,"
                    + " credited_amount, quota, attainment, earned, adjustments, payable, earned_by_component,"
                    + " draw_balance FROM"
                    + " read_parquet(" + list(files(CommissionTables.COMMISSION_STATEMENTS, statements, period))
                    + ") ORDER BY rep_id")) {
                while (rs.next()) {
                    String repId = rs.getString(1);
                    result.add(new RepStatement(period, repId, rs.getString(2), rs.getString(3) + " v" + rs.getLong(4),
                            rs.getString(5), status, rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(13),
                            components(rs.getString(12)),
                            linesByRep.getOrDefault(repId, List.of()), adjustmentsByRep.getOrDefault(repId, List.of())));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the commission statements of " + period + ": "
                    + e.getMessage(), e);
        }
    }

    /** "base=1.00; tiers=2.00" as written by the calculation. */
    private static List<RepStatement.ComponentTotal> components(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<RepStatement.ComponentTotal> totals = new ArrayList<>();
        for (String pair : text.split("; ")) {
            int equals = pair.lastIndexOf('=');
            totals.add(new RepStatement.ComponentTotal(pair.substring(0, equals),
                    new BigDecimal(pair.substring(equals + 1))));
        }
        return totals;
    }

    private static List<Path> files(TableDefinition table, TableVersion version, String period) {
        return version.partitionFiles(table.partitionColumn(), period);
    }

    private static String list(List<Path> files) {
        return SpillingDuckDb.literals(files);
    }
}
