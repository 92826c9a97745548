package io.salesops.jobs.commission.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Manual adjustments, insert-only in the job database. One counts in its period's statements and
 * payroll from the next calculation of that period on; a closed period takes none. A wrong
 * adjustment is undone by another with the opposite amount, never by editing.
 */
public final class ManualAdjustments {

    static final String TABLE = "salesops_commission_adjustment";

    private final JdbcClient jdbc;
    private final CommissionPeriods periods;
    private final Clock clock;

    public ManualAdjustments(DataSource dataSource, CommissionPeriods periods, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.periods = periods;
        this.clock = clock;
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + TABLE + " (adjustment_id VARCHAR(36) PRIMARY KEY,"
                + " period VARCHAR(7) NOT NULL, rep_id VARCHAR(64) NOT NULL, amount DECIMAL(18,2) NOT NULL,"
                + " currency VARCHAR(3) NOT NULL, reason VARCHAR(2000) NOT NULL, requested_by VARCHAR(200) NOT NULL,"
                + " approved_by VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL)").update();
    }

    public ManualAdjustment add(String period, String repId, BigDecimal amount, String currency, String reason,
                                String requestedBy, String approvedBy) {
        periods.requireOpen(period);
        ManualAdjustment adjustment = new ManualAdjustment(UUID.randomUUID().toString(), period, repId, amount,
                currency, reason, requestedBy, approvedBy, clock.instant());
        jdbc.sql("INSERT INTO " + TABLE + " (adjustment_id, period, rep_id, amount, currency, reason, requested_by,"
                        + " approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(adjustment.adjustmentId(), period, repId, amount, currency, reason, requestedBy, approvedBy,
                        Timestamp.from(adjustment.createdAt()))
                .update();
        return adjustment;
    }

    public List<ManualAdjustment> of(String period) {
        return jdbc.sql("SELECT adjustment_id, period, rep_id, amount, currency, reason, requested_by, approved_by,"
                        + " created_at FROM " + TABLE + " WHERE period = ? ORDER BY created_at, adjustment_id")
                .param(period)
                .query((rs, n) -> new ManualAdjustment(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }
}
