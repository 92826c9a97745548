package io.salesops.jobs.commission.ledger;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.warehouse.DataLayout;
import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes an approved period: writes its ledger partition (every line as {@code earned}, every
 * adjustment with its kind and origin period, as the approved run published them), publishes it
 * as a new version of commission_ledger, then records CLOSED. The ledger partition of a period is
 * written once; closing again after a crash finds it published and only records the state.
 */
public final class PeriodClose {

    private final Warehouse warehouse;
    private final CommissionPeriods periods;
    private final AnalystDatabase analyst;
    private final DataLayout layout;

    public PeriodClose(Warehouse warehouse, CommissionPeriods periods, AnalystDatabase analyst, DataLayout layout) {
        this.layout = layout;
        this.warehouse = warehouse;
        this.periods = periods;
        this.analyst = analyst;
    }

    /**
     * Closes the period, removes what runs of it staged and can no longer publish, then refreshes
     * the analyst databases so commission_ledger shows it.
     */
    public PeriodEvent close(String period, String actor) {
        PeriodEvent closed = periods.close(period, actor, approved -> writeLedger(period, approved.runId()));
        PeriodFolders.discardStaged(layout, period);
        analyst.refresh(warehouse, WarehouseCatalog.ALL);
        return closed;
    }

    private void writeLedger(String period, String runId) {
        String batchId = "close-" + period;
        TableDefinition ledger = CommissionTables.COMMISSION_LEDGER;
        if (warehouse.history(ledger).stream().anyMatch(v -> v.batchId().equals(batchId))) {
            warehouse.publish(ledger, batchId); // finishes a publish a crash interrupted; no-op once current
            return;
        }
        List<Path> statements = partition(CommissionTables.COMMISSION_STATEMENTS, period);
        List<Path> lines = partition(CommissionTables.COMMISSION_LINES, period);
        List<Path> adjustments = partition(CommissionTables.COMMISSION_ADJUSTMENTS, period);
        Path target = warehouse.stagePartition(ledger, batchId, period).resolve("part-00000.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            requireRun(sql, statements, period, runId);
            List<String> parts = new ArrayList<>();
            parts.add("SELECT rep_id, 0 AS kind_order, 'earned' AS entry_kind, period AS origin_period, run_id, plan_id,"
                    + " plan_version, component, transaction_id, tier, line_no AS position, amount, currency,"
                    + " explanation FROM read_parquet(" + list(lines) + ")");
            if (!adjustments.isEmpty()) {
                parts.add("SELECT rep_id, 1, kind, origin_period, run_id, plan_id, plan_version, component,"
                        + " transaction_id, 0, adjustment_no, amount, currency, reason FROM read_parquet("
                        + list(adjustments) + ")");
            }
            sql.execute("COPY (SELECT '" + period + "' AS period, CAST(row_number() OVER (PARTITION BY rep_id ORDER BY"
                    + " kind_order, position) AS BIGINT) AS entry_no, origin_period, entry_kind, run_id, rep_id,"
                    + " plan_id, CAST(plan_version AS BIGINT) AS plan_version, component, transaction_id,"
                    + " CAST(amount AS DECIMAL(18,2)) AS amount, currency, explanation FROM ("
                    + String.join(" UNION ALL ", parts) + ") ORDER BY rep_id, entry_no) TO '" + target
                    + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the ledger of commission period " + period + ": "
                    + e.getMessage(), e);
        }
        warehouse.publish(ledger, batchId);
    }

    /** The approved run's results must be the ones published: a recalculation after approval withdraws it. */
    private static void requireRun(Statement sql, List<Path> statements, String period, String runId)
            throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT DISTINCT run_id FROM read_parquet(" + list(statements) + ")")) {
            List<String> runs = new ArrayList<>();
            while (rs.next()) {
                runs.add(rs.getString(1));
            }
            if (!runs.equals(List.of(runId))) {
                throw new IllegalStateException("commission period " + period + " was approved for run " + runId
                        + " but the published statements are from run " + String.join(", ", runs)
                        + "; approve the current results before closing");
            }
        }
    }

    private List<Path> partition(TableDefinition table, String period) {
        TableVersion current = warehouse.current(table).orElseThrow(() -> new IllegalStateException(
                table.name() + " has never been published; run the commissions job first"));
        return current.partitionFiles(table.partitionColumn(), period);
    }

    private static String list(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("no published Parquet files to read");
        }
        return SpillingDuckDb.literals(files);
    }
}
