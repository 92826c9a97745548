package io.salesops.jobs.commission.ledger;

/** Where a commission period is in its month-end life: CALCULATED → APPROVED → CLOSED. */
public enum PeriodStatus {
    /** Results of a run are published; recalculating replaces them. */
    CALCULATED,
    /** Finance approved one run's results; recalculating withdraws the approval. */
    APPROVED,
    /** Paid and final: never recalculated; corrections post to the next open period. */
    CLOSED
}
