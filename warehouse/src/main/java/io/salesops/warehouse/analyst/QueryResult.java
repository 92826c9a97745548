package io.salesops.warehouse.analyst;

import java.util.List;

/** A small, fully read result of an analyst query; values are already rendered as text. */
public record QueryResult(List<String> columns, List<List<String>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
