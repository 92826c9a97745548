package io.salesops.jobs.commission.run;

import java.math.BigDecimal;

/**
 * What a later period needs from a rep's published statement: the plan that paid it, the credited
 * amount and quota and what each component paid (a year-to-date true-up) and the draw balance owed
 * at its end (a draw).
 */
record PublishedStatement(String planId, BigDecimal credited, BigDecimal quota, BigDecimal drawBalance,
        java.util.Map<String, BigDecimal> earnedByComponent) {

    PublishedStatement {
        earnedByComponent = java.util.Map.copyOf(earnedByComponent);
    }
}
