package io.salesops.jobs.commission.plan;

/**
 * What happens to a recoverable draw's balance when the rep leaves. Why a choice: some employers
 * write advances off, others recover them from the final pay; either way the statement of the
 * leaving month must say which, so finance knows whether a receivable remains.
 */
public enum DrawAtTermination {
    /** The balance stays owed after the leaving month (recovered outside commissions, e.g. from final pay). */
    CARRY,
    /** The balance is written off in the leaving month: the rep owes nothing afterwards. */
    FORGIVE
}
