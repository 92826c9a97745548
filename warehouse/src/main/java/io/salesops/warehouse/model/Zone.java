package io.salesops.warehouse.model;

/** Where a table lives in the warehouse. */
public enum Zone {
    /** Canonical tables built from source exports. */
    CURATED,
    /** Outputs of analytic and commission jobs. */
    MARTS,
    /** Bookkeeping of the platform itself (rejected rows, file registry). */
    SYSTEM;

    public String dirName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
