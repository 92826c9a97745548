package io.salesops.jobs.funnel;

import io.salesops.jobs.pipeline.PipelineTables;
import io.salesops.jobs.worklist.WorklistTables;
import io.salesops.reports.funnel.FunnelReportData;
import io.salesops.reports.funnel.FunnelReportData.DurationLine;
import io.salesops.reports.funnel.FunnelReportData.MovementLine;
import io.salesops.reports.funnel.FunnelReportData.StepLine;
import io.salesops.reports.funnel.FunnelReportData.WinRateLine;
import io.salesops.reports.funnel.FunnelReportData.WorkItemLine;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads what the funnel PDF prints from the marts the execution published: the first funnel of the
 * catalogue with rows (its cohorts of the twelve months to the period, summed), the period's win
 * rates by region and source, the time in each step, the pipeline movement and the top
 * {@value #TOP} of each work list. A few hundred rows: DuckDB reads them from the marts' Parquet in
 * milliseconds, where Spark jobs would cost seconds.
 */
final class FunnelReportLoader {

    static final int TOP = 10;

    private final Function<TableDefinition, TableVersion> marts;

    /** @param marts the pinned version of each mart */
    FunnelReportLoader(Function<TableDefinition, TableVersion> marts) {
        this.marts = marts;
    }

    FunnelReportData load(List<FunnelDefinition> catalog, YearMonth period) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            FunnelDefinition funnel = firstWithRows(db, catalog, period);
            Map<String, String> names = new java.util.HashMap<>();
            funnel.steps().forEach(step -> names.put(step.id(), step.name()));
            names.put(FunnelDurations.CYCLE, "周期 Cycle to won");
            List<StepLine> steps = steps(db, funnel, period, names);
            return new FunnelReportData(period, funnel.name(), steps, winRates(db, "region", period),
                    winRates(db, "source", period), durations(db, funnel, period, names), movement(db, period),
                    followups(db, period), churn(db, period), renewals(db, period));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the funnel marts of " + period + ": " + e.getMessage(), e);
        }
    }

    private FunnelDefinition firstWithRows(Connection db, List<FunnelDefinition> catalog, YearMonth period)
            throws SQLException {
        for (FunnelDefinition funnel : catalog) {
            if (!query(db, FunnelTables.FUNNEL_CONVERSION, "SELECT 1 FROM read_parquet(?) WHERE period = ? AND funnel = ?"
                    + " LIMIT 1", rs -> 1, period.toString(), funnel.id()).isEmpty()) {
                return funnel;
            }
        }
        throw new IllegalStateException("funnel_conversion has no rows for " + period + " of any funnel of the"
                + " catalogue " + catalog.stream().map(FunnelDefinition::id).toList());
    }

    private List<StepLine> steps(Connection db, FunnelDefinition funnel, YearMonth period, Map<String, String> names)
            throws SQLException {
        List<long[]> sums = query(db, FunnelTables.FUNNEL_CONVERSION, "SELECT step_order, sum(entered), sum(advanced),"
                        + " sum(lost), sum(open) FROM read_parquet(?) WHERE period = ? AND funnel = ? AND dimension = 'all'"
                        + " AND cohort_month BETWEEN ? AND ? GROUP BY step_order ORDER BY step_order",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)},
                period.toString(), funnel.id(), period.minusMonths(11).toString(), period.toString());
        long first = sums.isEmpty() ? 0 : sums.get(0)[1];
        List<StepLine> lines = new ArrayList<>();
        for (long[] s : sums) {
            String step = funnel.steps().get((int) s[0]).id();
            lines.add(new StepLine(names.get(step), s[1], s[2], s[3], s[4], ratio(s[2], s[1]), ratio(s[2], first)));
        }
        return lines;
    }

    private List<WinRateLine> winRates(Connection db, String dimension, YearMonth period) throws SQLException {
        return query(db, FunnelTables.WIN_RATES, "SELECT dimension_value, won, lost, win_rate, avg_won_amount"
                        + " FROM read_parquet(?) WHERE period = ? AND dimension = ? ORDER BY won + lost DESC,"
                        + " dimension_value",
                rs -> new WinRateLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)), period.toString(), dimension);
    }

    private List<DurationLine> durations(Connection db, FunnelDefinition funnel, YearMonth period,
                                         Map<String, String> names) throws SQLException {
        return query(db, FunnelTables.FUNNEL_DURATIONS, "SELECT step, n, median_days, p90_days FROM read_parquet(?)"
                        + " WHERE period = ? AND funnel = ? AND dimension = 'all' ORDER BY step_order",
                rs -> new DurationLine(names.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4)), period.toString(), funnel.id());
    }

    private List<MovementLine> movement(Connection db, YearMonth period) throws SQLException {
        return query(db, PipelineTables.PIPELINE_MOVEMENT, "SELECT movement, deals, amount FROM read_parquet(?)"
                        + " WHERE period = ? ORDER BY movement_order",
                rs -> new MovementLine(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), period.toString());
    }

    private List<WorkItemLine> followups(Connection db, YearMonth period) throws SQLException {
        return query(db, WorklistTables.FOLLOWUPS_DUE, "SELECT record_id, name, owner, kind || ' · ' || stage,"
                        + " days_since_activity, amount FROM read_parquet(?) WHERE period = ?"
                        + " ORDER BY amount DESC NULLS LAST, days_since_activity DESC, record_id LIMIT " + TOP,
                rs -> new WorkItemLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        days(rs.getBigDecimal(5)) + " 天未跟进 days idle", rs.getBigDecimal(6)), period.toString());
    }

    private List<WorkItemLine> churn(Connection db, YearMonth period) throws SQLException {
        return query(db, WorklistTables.CHURN_RISK, "SELECT customer_id, customer_name, owner, reason,"
                        + " days_since_last_order, value_last_12m FROM read_parquet(?) WHERE period = ?"
                        + " ORDER BY value_prior_12m DESC, customer_id LIMIT " + TOP,
                rs -> new WorkItemLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5) + " 天未下单 days since an order", rs.getBigDecimal(6)), period.toString());
    }

    private List<WorkItemLine> renewals(Connection db, YearMonth period) throws SQLException {
        return query(db, WorklistTables.RENEWALS_DUE, "SELECT contract_id, account_name, owner, CAST(end_date AS VARCHAR),"
                        + " days_to_end, amount FROM read_parquet(?) WHERE period = ?"
                        + " ORDER BY amount DESC NULLS LAST, contract_id LIMIT " + TOP,
                rs -> new WorkItemLine(rs.getString(1), rs.getString(2), rs.getString(3), "到期 ends " + rs.getString(4),
                        rs.getLong(5) + " 天后 days left", rs.getBigDecimal(6)), period.toString());
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(Connection db, TableDefinition mart, String sql, RowReader<T> reader, String... values)
            throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, marts.apply(mart).parquetGlob());
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 2, values[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    private static String days(BigDecimal days) {
        return String.format(Locale.ROOT, "%.1f", days);
    }
}
