package io.salesops.warehouse.analyst;

/** An analyst's statement DuckDB's parser found not to be exactly one query. */
public final class ReadOnlyViolation extends IllegalArgumentException {
    ReadOnlyViolation(String message) {
        super(message);
    }
}
