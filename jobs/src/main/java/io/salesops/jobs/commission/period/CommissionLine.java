package io.salesops.jobs.commission.period;

import java.math.BigDecimal;

/**
 * One row of {@code commission_lines}: what one component paid one rep for one source transaction,
 * in the plan's currency, with the rule that computed it. Lines on a period total (tiers, bands,
 * caps) are spread over the transactions that made the total, so every line names its transaction.
 *
 * @param rate null where no rate applies (a fixed bonus, a cap's reduction)
 */
public record CommissionLine(String repId, String planId, int planVersion, String component, String transactionId,
        String sourceTable, String sourceKey, String creditRole, String reasonCode, int tier, BigDecimal base,
        BigDecimal rate, BigDecimal amount, String currency, String explanation) {
}
