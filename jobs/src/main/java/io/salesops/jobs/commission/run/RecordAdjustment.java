package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.ledger.ManualAdjustment;
import io.salesops.jobs.commission.ledger.ManualAdjustments;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Records a manual adjustment only after {@link AdjustmentCheck} found nothing wrong with it,
 * against the current reps table and the commission set-up; nothing is written otherwise.
 */
public final class RecordAdjustment {

    private final ManualAdjustments adjustments;
    private final Warehouse warehouse;
    private final Path setupDir;

    public RecordAdjustment(ManualAdjustments adjustments, Warehouse warehouse, Path setupDir) {
        this.adjustments = adjustments;
        this.warehouse = warehouse;
        this.setupDir = setupDir;
    }

    public ManualAdjustment record(YearMonth period, String repId, BigDecimal amount, String currency, String reason,
                                   String requestedBy, String approvedBy) {
        Optional<AdjustmentCheck.Rep> rep = rep(repId);
        Optional<CommissionPlan> plan = rep.flatMap(known -> plan(period, known));
        List<String> problems = AdjustmentCheck.problems(period, repId, amount, currency, rep, plan);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("adjustment not recorded: " + String.join("; ", problems));
        }
        return adjustments.add(period.toString(), repId, amount, currency, reason, requestedBy, approvedBy);
    }

    private Optional<CommissionPlan> plan(YearMonth period, AdjustmentCheck.Rep rep) {
        CommissionSetup setup = CommissionSetup.load(setupDir);
        return setup.assignments().planFor(rep.repId(), rep.role(), period.atEndOfMonth())
                .flatMap(id -> setup.catalog().versionOn(id, period.atEndOfMonth()));
    }

    private Optional<AdjustmentCheck.Rep> rep(String repId) {
        Optional<TableVersion> reps = warehouse.current(CanonicalTables.REPS);
        if (reps.isEmpty() || reps.get().parquetFiles().isEmpty()) {
            return Optional.empty();
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement query = duckdb.prepareStatement("SELECT rep_id, role, hire_date, termination_date"
                     + " FROM read_parquet(" + SpillingDuckDb.literals(reps.get().parquetFiles()) + ") WHERE rep_id = ?")) {
            query.setString(1, repId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AdjustmentCheck.Rep(rows.getString(1), rows.getString(2),
                        rows.getObject(3, java.time.LocalDate.class), rows.getObject(4, java.time.LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read reps " + reps.get().label() + ": " + e.getMessage(), e);
        }
    }
}
