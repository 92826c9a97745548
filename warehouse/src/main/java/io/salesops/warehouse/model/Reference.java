package io.salesops.warehouse.model;

import java.util.Objects;

/**
 * A column that holds the natural key of another table (its parent), such as an opportunity's
 * {@code account_id}. The parent is named, not held, because the canonical tables refer to each
 * other in both directions and a definition cannot point at one defined after it; {@link
 * CanonicalTables#named} resolves the name. A blank value in an optional column refers to nothing.
 *
 * @param column      the column of the referring (child) table
 * @param parentTable name of the table whose single-column natural key the column holds
 */
public record Reference(String column, String parentTable) {
    public Reference {
        Objects.requireNonNull(column, "column");
        if (parentTable == null || parentTable.isBlank()) {
            throw new IllegalArgumentException("the reference of column " + column + " must name a table");
        }
    }
}
