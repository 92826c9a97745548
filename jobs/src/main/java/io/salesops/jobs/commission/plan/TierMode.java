package io.salesops.jobs.commission.plan;

/**
 * How a tier's rate applies. Plans must say which one they mean, because the two differ by a lot
 * just above each bound and a plan that leaves it open is read both ways.
 */
public enum TierMode {
    /** Each slice of the amount is paid at the rate of the tier it falls in, like income tax. */
    MARGINAL,
    /** The rate of the tier the whole amount reaches applies to all of it (whole-amount). */
    RETRO
}
