package io.salesops.jobs.commission.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** A manual adjustment finance recorded for a rep and period, with its reason and approver. */
public record ManualAdjustment(String adjustmentId, String period, String repId, BigDecimal amount, String currency,
        String reason, String requestedBy, String approvedBy, Instant createdAt) {

    public ManualAdjustment {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a manual adjustment needs a reason");
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("a manual adjustment needs an approver");
        }
        if (amount == null || amount.signum() == 0) {
            throw new IllegalArgumentException("a manual adjustment needs an amount other than 0, cannot be: " + amount);
        }
        if (amount.scale() > 2) {
            throw new IllegalArgumentException("a manual adjustment has at most 2 decimals, cannot be: "
                    + amount.toPlainString());
        }
    }
}
