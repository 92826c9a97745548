package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;

/**
 * An amount credited to one rep for one source transaction in the period, in the plan's currency,
 * with the product category the rate component's multipliers look up (may be empty).
 */
public record Credit(String transactionId, BigDecimal amount, String category) {

    public Credit {
        if (transactionId == null || transactionId.isBlank()) {
            throw new IllegalArgumentException("credit transaction id is required");
        }
        if (amount == null) {
            throw new IllegalArgumentException("credit amount is required for " + transactionId);
        }
        category = category == null ? "" : category;
    }
}
