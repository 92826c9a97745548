package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.warehouse.merge.SpillingDuckDb;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each rep's statement of an earlier month as published (plan, credited amount, quota, what each
 * component paid, the draw balance owed at its end): what a calculation carries forward. Read with
 * DuckDB from the current version of commission_statements; empty for a month without statements.
 */
final class PublishedStatements implements Function<YearMonth, Map<String, PublishedStatement>> {

    private final Warehouse warehouse;

    PublishedStatements(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public Map<String, PublishedStatement> apply(YearMonth month) {
        List<Path> files = warehouse.current(CommissionTables.COMMISSION_STATEMENTS)
                .map(v -> v.partitionFiles("period", month.toString())).orElse(List.of());
        Map<String, PublishedStatement> statements = new HashMap<>();
        if (files.isEmpty()) {
            return statements;
        }
        String source = "read_parquet(" + SpillingDuckDb.literals(files) + ")";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rows = sql.executeQuery("SELECT rep_id, plan_id, credited_amount, quota, draw_balance,"
                     + " earned_by_component FROM " + source)) {
            while (rows.next()) {
                statements.put(rows.getString(1), new PublishedStatement(rows.getString(2), rows.getBigDecimal(3),
                        rows.getBigDecimal(4), rows.getBigDecimal(5), ComponentTotals.parse(rows.getString(6))));
            }
            return statements;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the statements of " + month + ": " + e.getMessage(), e);
        }
    }
}
