package io.salesops.jobs.commission.run;

import java.math.BigDecimal;

/** One row of commission_adjustments before it is numbered and staged. */
record Adjustment(String repId, String planId, long planVersion, String kind, String component, String transactionId,
        String originPeriod, BigDecimal amount, String currency, String reason, String approvedBy) {

    static final String REVERSAL = "reversal";
    static final String REBOOK = "rebook";
    static final String MANUAL = "manual";
}
