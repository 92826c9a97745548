package io.salesops.warehouse.model;

import java.util.List;
import java.util.stream.Collectors;

/** Renders table definitions as the Markdown data dictionary of warehouse/README.md. */
public final class DataDictionary {

    private DataDictionary() {
    }

    public static String markdown(List<TableDefinition> tables) {
        return tables.stream().map(DataDictionary::table).collect(Collectors.joining("\n"));
    }

    private static String table(TableDefinition table) {
        StringBuilder out = new StringBuilder();
        out.append("### `").append(table.name()).append("`\n")
                .append(table.description()).append(" Natural key: `")
                .append(String.join(", ", table.naturalKey())).append("`.");
        if (table.partitionColumn() != null) {
            out.append(" Partitioned by `").append(table.partitionColumn()).append("`.");
        }
        out.append("\n\n| column | type | required | notes |\n|---|---|---|---|\n");
        for (Column column : table.columns()) {
            out.append("| `").append(column.name()).append("` | ").append(column.type().sqlType()).append(" | ")
                    .append(column.required() ? "yes" : "").append(" | ").append(notes(table, column)).append(" |\n");
        }
        return out.toString();
    }

    private static String notes(TableDefinition table, Column column) {
        String notes = column.description();
        if (column.type() == ColumnType.TIMESTAMP) {
            notes += " (UTC)";
        }
        if (column.restricted()) {
            notes += "; one of " + String.join(", ", column.allowedValues());
        }
        String parent = table.reference(column.name()).map(Reference::parentTable).orElse(null);
        if (parent != null) {
            notes += "; references [`" + parent + "`](#" + parent + ")"; // the parent's section, which names its key
        }
        if (column.pii()) {
            notes += "; **personal data**, masked in `analyst.duckdb`";
        }
        return notes;
    }
}
