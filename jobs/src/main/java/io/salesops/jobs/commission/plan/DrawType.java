package io.salesops.jobs.commission.plan;

/** Whether a draw's top-ups are advances the rep repays from later earnings, or a guarantee. */
public enum DrawType {
    /** Top-ups are carried as a balance and recovered from earnings above the draw in later periods. */
    RECOVERABLE,
    /** Top-ups are a guaranteed minimum: nothing is carried to later periods. */
    NON_RECOVERABLE
}
