package io.salesops.warehouse.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a canonical table.
 *
 * @param allowedValues empty when any value is allowed; otherwise the closed set of values
 * @param pii           true for personal data (names of people, phones, emails, addresses), masked
 *                      in the analysts' default views
 */
public record Column(String name, ColumnType type, boolean required, boolean pii, List<String> allowedValues,
                     String description) {

    private static final Pattern SNAKE_CASE = Pattern.compile("_?[a-z][a-z0-9_]*");

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("column names must be snake_case, cannot be: " + name);
        }
        allowedValues = List.copyOf(allowedValues);
        description = description == null ? "" : description;
    }

    public boolean restricted() {
        return !allowedValues.isEmpty();
    }
}
