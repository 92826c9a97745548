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
 * adjustment is withdrawn, never edited or deleted: the withdrawal is a row of its own (who, when,
 * why), and the period's next calculation leaves the adjustment out.
 */
public final class ManualAdjustments {

    static final String TABLE = "salesops_commission_adjustment";
    static final String WITHDRAWALS = "salesops_commission_adjustment_withdrawal";

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
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + WITHDRAWALS + " (adjustment_id VARCHAR(36) PRIMARY KEY"
                + " REFERENCES " + TABLE + " (adjustment_id), withdrawn_by VARCHAR(200) NOT NULL,"
                + " reason VARCHAR(2000) NOT NULL, withdrawn_at TIMESTAMP NOT NULL)").update();
    }

    /** A withdrawal: who took an adjustment back, when and why. */
    public record Withdrawal(ManualAdjustment adjustment, String withdrawnBy, String reason, java.time.Instant at) {
    }

    /**
     * Takes an adjustment of an open period back; its period's next calculation no longer pays it.
     * An unknown id, one withdrawn before, a missing reason and a closed period are refused.
     */
    public Withdrawal withdraw(String adjustmentId, String withdrawnBy, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("--reason: a withdrawal needs a reason");
        }
        ManualAdjustment adjustment = jdbc.sql(SELECT + " WHERE adjustment_id = ?").param(adjustmentId)
                .query(ManualAdjustments::row).optional()
                .orElseThrow(() -> new IllegalArgumentException("there is no adjustment " + adjustmentId));
        periods.requireOpen(adjustment.period());
        jdbc.sql("SELECT withdrawn_by, withdrawn_at FROM " + WITHDRAWALS + " WHERE adjustment_id = ?")
                .param(adjustmentId).query((rs, n) -> rs.getString(1) + " at " + rs.getTimestamp(2).toInstant())
                .optional().ifPresent(earlier -> {
                    throw new IllegalArgumentException("adjustment " + adjustmentId + " was withdrawn before, by "
                            + earlier);
                });
        Withdrawal withdrawal = new Withdrawal(adjustment, withdrawnBy, reason, clock.instant());
        jdbc.sql("INSERT INTO " + WITHDRAWALS + " (adjustment_id, withdrawn_by, reason, withdrawn_at)"
                + " VALUES (?, ?, ?, ?)").params(adjustmentId, withdrawnBy, reason, Timestamp.from(withdrawal.at()))
                .update();
        return withdrawal;
    }

    public ManualAdjustment add(String period, String repId, BigDecimal amount, String currency, String reason,
                                String requestedBy, String approvedBy) {
        periods.requireOpen(period);
        ManualAdjustment adjustment = new ManualAdjustment(UUID.randomUUID().toString(), period, repId, amount,
                currency, reason, requestedBy, approvedBy,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)); // as the database keeps it
        jdbc.sql("INSERT INTO " + TABLE + " (adjustment_id, period, rep_id, amount, currency, reason, requested_by,"
                        + " approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(adjustment.adjustmentId(), period, repId, amount, currency, reason, requestedBy, approvedBy,
                        Timestamp.from(adjustment.createdAt()))
                .update();
        return adjustment;
    }

    private static final String SELECT = "SELECT adjustment_id, period, rep_id, amount, currency, reason,"
            + " requested_by, approved_by, created_at FROM " + TABLE;

    /** The period's adjustments a calculation pays: all but the withdrawn ones. */
    public List<ManualAdjustment> of(String period) {
        return jdbc.sql(SELECT + " WHERE period = ? AND adjustment_id NOT IN (SELECT adjustment_id FROM "
                        + WITHDRAWALS + ") ORDER BY created_at, adjustment_id")
                .param(period)
                .query(ManualAdjustments::row)
                .list();
    }

    private static ManualAdjustment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ManualAdjustment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
