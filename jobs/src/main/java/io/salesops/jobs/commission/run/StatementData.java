package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.commission.period.RepCommission;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one period of the published statements, lines and adjustments (the versions a run
 * published) with DuckDB and hands over each rep's {@link RepStatement} for the PDF, one rep at
 * a time in rep order: the lines stream in rep order, so only one rep's lines are held at once
 * (a period can have millions of lines).
 *
 * <p>A line that is a transaction's share of a period-level line (marginal tiers, attainment
 * bands) prints as "share of AMOUNT"; the period-level calculation it shares prints once, with its
 * component's total.
 */
final class StatementData {

    private StatementData() {
    }

    /** A statement row of the period, before its lines are attached. */
    private record Header(String repId, String repName, String plan, String currency, BigDecimal credited,
            BigDecimal quota, BigDecimal attainment, BigDecimal earned, BigDecimal adjustments, BigDecimal payable,
            String earnedByComponent, BigDecimal drawBalance, BigDecimal drawForgiven) {
    }

    /** Calls {@code each} with every rep's statement, in rep id order. */
    static void forEach(String period, String status, TableVersion statements, TableVersion lines,
                        TableVersion adjustments, Consumer<RepStatement> each) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            List<Header> headers = headers(sql, files(CommissionTables.COMMISSION_STATEMENTS, statements, period));
            Map<String, List<RepStatement.AdjustmentLine>> adjustmentsByRep = adjustments(sql, adjustments == null
                    ? List.of() : files(CommissionTables.COMMISSION_ADJUSTMENTS, adjustments, period));
            Set<String> reps = new java.util.HashSet<>(headers.stream().map(Header::repId).toList());
            int next = 0;
            List<Path> lineFiles = files(CommissionTables.COMMISSION_LINES, lines, period);
            if (!lineFiles.isEmpty()) {
                try (ResultSet rs = sql.executeQuery("SELECT rep_id, component, transaction_id, rate, amount,"
                        + " explanation, reason_code FROM read_parquet(" + list(lineFiles) + ") ORDER BY rep_id,"
                        + " line_no")) {
                    RepLines current = null;
                    while (rs.next()) {
                        String repId = rs.getString(1);
                        if (current == null || !current.repId.equals(repId)) {
                            if (current != null) {
                                next = emitUpTo(headers, next, current, period, status, adjustmentsByRep, each);
                            }
                            if (!reps.contains(repId)) {
                                throw new IllegalStateException("commission_lines of " + period + " has lines of rep "
                                        + repId + ", who has no statement");
                            }
                            current = new RepLines(repId);
                        }
                        current.add(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                                rs.getString(6), rs.getString(7));
                    }
                    if (current != null) {
                        next = emitUpTo(headers, next, current, period, status, adjustmentsByRep, each);
                    }
                }
            }
            for (; next < headers.size(); next++) {
                each.accept(statement(headers.get(next), new RepLines(headers.get(next).repId()), period, status,
                        adjustmentsByRep));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the commission statements of " + period + ": "
                    + e.getMessage(), e);
        }
    }

    /** Emits the reps before {@code lines}' rep (they have no lines), then that rep; returns the next header. */
    private static int emitUpTo(List<Header> headers, int next, RepLines lines, String period, String status,
                                Map<String, List<RepStatement.AdjustmentLine>> adjustments,
                                Consumer<RepStatement> each) {
        while (!headers.get(next).repId().equals(lines.repId)) {
            each.accept(statement(headers.get(next), new RepLines(headers.get(next).repId()), period, status,
                    adjustments));
            next++;
        }
        each.accept(statement(headers.get(next), lines, period, status, adjustments));
        return next + 1;
    }

    private static RepStatement statement(Header h, RepLines lines, String period, String status,
                                          Map<String, List<RepStatement.AdjustmentLine>> adjustments) {
        return new RepStatement(period, h.repId(), h.repName(), h.plan(), h.currency(), status, h.credited(),
                h.quota(), h.attainment(), h.earned(), h.adjustments(), h.payable(), h.drawBalance(), h.drawForgiven(),
                components(h.earnedByComponent(), lines.calculations), lines.lines,
                adjustments.getOrDefault(h.repId(), List.of()));
    }

    private static List<Header> headers(Statement sql, List<Path> files) throws SQLException {
        List<Header> headers = new ArrayList<>();
        String source = "read_parquet(" + list(files) + ", union_by_name = true)";
        // statements published before draw_forgiven existed (a run restarted across an upgrade) lack it
        String forgiven = hasColumn(sql, source, "draw_forgiven") ? "draw_forgiven" : "NULL";
        try (ResultSet rs = sql.executeQuery("SELECT rep_id, rep_name, plan_id, plan_version, currency,"
                + " credited_amount, quota, attainment, earned, adjustments, payable, earned_by_component,"
                + " draw_balance, " + forgiven + " FROM " + source + " ORDER BY rep_id")) {
            while (rs.next()) {
                headers.add(new Header(rs.getString(1), rs.getString(2), rs.getString(3) + " v" + rs.getLong(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12),
                        rs.getBigDecimal(13), rs.getBigDecimal(14)));
            }
        }
        return headers;
    }

    private static boolean hasColumn(Statement sql, String source, String column) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM (DESCRIBE SELECT * FROM " + source
                + ") WHERE column_name = '" + column + "'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static Map<String, List<RepStatement.AdjustmentLine>> adjustments(Statement sql, List<Path> files)
            throws SQLException {
        Map<String, List<RepStatement.AdjustmentLine>> byRep = new HashMap<>();
        if (files.isEmpty()) {
            return byRep;
        }
        try (ResultSet rs = sql.executeQuery("SELECT rep_id, kind, origin_period, component, transaction_id,"
                + " amount, reason FROM read_parquet(" + list(files) + ") ORDER BY rep_id, adjustment_no")) {
            while (rs.next()) {
                byRep.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(new RepStatement.AdjustmentLine(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        rs.getString(7)));
            }
        }
        return byRep;
    }

    /** One rep's lines as they stream in, with the period-level calculations their shares name. */
    private static final class RepLines {
        final String repId;
        final List<RepStatement.Line> lines = new ArrayList<>();
        final Map<String, Set<String>> calculations = new HashMap<>();

        RepLines(String repId) {
            this.repId = repId;
        }

        void add(String component, String transactionId, BigDecimal rate, BigDecimal amount, String explanation,
                 String reasonCode) {
            int share = explanation == null ? -1 : explanation.lastIndexOf(RepCommission.SHARE_NOTE);
            if (share >= 0) {
                calculations.computeIfAbsent(component, c -> new LinkedHashSet<>())
                        .add(explanation.substring(0, share));
                explanation = "share of " + explanation.substring(share + RepCommission.SHARE_NOTE.length());
            }
            lines.add(new RepStatement.Line(component, transactionId, rate, amount, explanation, reasonCode));
        }
    }

    /** "base=1.00; tiers=2.00" as written by the calculation, with each component's period-level calculations. */
    private static List<RepStatement.ComponentTotal> components(String text, Map<String, Set<String>> calculations) {
        List<RepStatement.ComponentTotal> totals = new ArrayList<>();
        ComponentTotals.parse(text).forEach((component, amount) -> totals.add(new RepStatement.ComponentTotal(
                component, amount, String.join(" / ", calculations.getOrDefault(component, Set.of())))));
        return totals;
    }

    private static List<Path> files(TableDefinition table, TableVersion version, String period) {
        return version.partitionFiles(table.partitionColumn(), period);
    }

    private static String list(List<Path> files) {
        return SpillingDuckDb.literals(files);
    }
}
