package io.salesops.jobs.commission.ledger;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two runs of one period: per rep, per component, per source transaction,
 * the amount each run paid and the explanation each gave, adjustments included. Each run's rows
 * are read from the warehouse version its publish created, so the comparison works as long as
 * retention keeps both versions.
 */
public final class RunDiff {

    /** One source transaction (or adjustment) whose payout differs between the runs. */
    public record Change(String repId, String component, String transactionId, BigDecimal before, BigDecimal after,
            String explanationBefore, String explanationAfter) {
        public BigDecimal delta() {
            return after.subtract(before);
        }
    }

    private final Warehouse warehouse;

    public RunDiff(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public List<Change> compare(String period, String runA, String runB) {
        String a = rows(period, runA);
        String b = rows(period, runB);
        String sql = "WITH a AS (" + a + "), b AS (" + b + ")"
                + " SELECT coalesce(a.rep_id, b.rep_id), coalesce(a.component, b.component),"
                + " coalesce(a.transaction_id, b.transaction_id), coalesce(a.amount, 0), coalesce(b.amount, 0),"
                + " a.explanation, b.explanation FROM a FULL OUTER JOIN b ON a.rep_id = b.rep_id"
                + " AND a.component = b.component AND a.transaction_id = b.transaction_id"
                + " WHERE coalesce(a.amount, 0) <> coalesce(b.amount, 0) OR a.rep_id IS NULL OR b.rep_id IS NULL"
                + " ORDER BY 1, 2, 3";
        List<Change> changes = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                changes.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).setScale(2), rs.getBigDecimal(5).setScale(2), rs.getString(6),
                        rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare runs " + runA + " and " + runB + ": " + e.getMessage(), e);
        }
        return changes;
    }

    /** A run's lines and adjustments of the period, summed per rep × component × transaction. */
    private String rows(String period, String runId) {
        List<Path> lines = files(CommissionTables.COMMISSION_LINES, period, runId);
        List<Path> adjustments = files(CommissionTables.COMMISSION_ADJUSTMENTS, period, runId);
        String union = "SELECT rep_id, component, transaction_id, amount, explanation FROM read_parquet("
                + list(lines) + ") WHERE run_id = '" + runId + "'";
        if (!adjustments.isEmpty()) {
            union += " UNION ALL SELECT rep_id, 'adjustment: ' || kind || ' ' || component || ' of ' || origin_period,"
                    + " transaction_id, amount, reason FROM read_parquet(" + list(adjustments) + ") WHERE run_id = '"
                    + runId + "'";
        }
        return "SELECT rep_id, component, transaction_id, sum(amount) AS amount,"
                + " string_agg(explanation, ' | ' ORDER BY explanation) AS explanation FROM (" + union + ")"
                + " GROUP BY ALL";
    }

    private List<Path> files(TableDefinition table, String period, String runId) {
        String batchId = "commissions-" + runId;
        TableVersion version = warehouse.history(table).stream().filter(v -> v.batchId().equals(batchId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + table.name() + " version of run " + runId
                        + " is kept: the run does not exist, did not publish, or retention pruned it"
                        + " (salesops.warehouse.retain-versions); `salesops warehouse history " + table.name()
                        + "` lists what is kept"));
        List<Path> files = version.partitionFiles(table.partitionColumn(), period);
        if (files.isEmpty() && table == CommissionTables.COMMISSION_LINES) {
            throw new IllegalArgumentException("run " + runId + " did not calculate period " + period);
        }
        return files;
    }

    private static String list(List<Path> files) {
        return SpillingDuckDb.literals(files);
    }
}
