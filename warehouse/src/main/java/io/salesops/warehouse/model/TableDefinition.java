package io.salesops.warehouse.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one definition of a warehouse table: its columns, types, natural key, partitioning and the
 * tables it references. The Parquet schema, the Spark schema, the ingest validation and the DuckDB
 * views all derive from it.
 *
 * @param partitionColumn a column whose values split the table into independently replaceable
 *                        slices (marts per period), or null
 * @param references      columns that hold another table's natural key, at most one per column
 */
public record TableDefinition(String name, Zone zone, String description, List<String> naturalKey,
                              List<Column> columns, String partitionColumn, List<Reference> references) {

    public TableDefinition {
        columns = List.copyOf(columns);
        naturalKey = List.copyOf(naturalKey);
        references = List.copyOf(references);
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : columns) {
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("table " + name + " defines column " + column.name() + " twice");
            }
        }
        for (String key : naturalKey) {
            Column column = byName.get(key);
            if (column == null || !column.required()) {
                throw new IllegalArgumentException(
                        "natural key column of " + name + " must be a required column, cannot be: " + key);
            }
        }
        if (partitionColumn != null && !byName.containsKey(partitionColumn)) {
            throw new IllegalArgumentException("partition column of " + name + " is not a column: " + partitionColumn);
        }
        Set<String> referring = new HashSet<>();
        for (Reference reference : references) {
            if (!byName.containsKey(reference.column())) {
                throw new IllegalArgumentException("a reference of " + name + " must start at a column of " + name
                        + ", cannot be: " + reference.column());
            }
            if (!referring.add(reference.column())) {
                throw new IllegalArgumentException("column " + reference.column() + " of " + name
                        + " references more than one table");
            }
        }
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The table a column refers to, if it holds another table's natural key. */
    public Optional<Reference> reference(String columnName) {
        return references.stream().filter(r -> r.column().equals(columnName)).findFirst();
    }

    /**
     * The columns as stored in Parquet: curated tables also carry their lineage (source file,
     * line and ingest batch) so every row can be traced to the export it came from.
     */
    public List<Column> storedColumns() {
        return zone == Zone.CURATED ? java.util.stream.Stream.concat(columns.stream(), Lineage.COLUMNS.stream())
                .toList() : columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public static Builder builder(String name, Zone zone, String description) {
        return new Builder(name, zone, description);
    }

    /** Reads like the data dictionary it produces. */
    public static final class Builder {
        private final String name;
        private final Zone zone;
        private final String description;
        private final List<Column> columns = new ArrayList<>();
        private List<String> key = List.of();
        private String partitionColumn;
        private final List<Reference> references = new ArrayList<>();

        private Builder(String name, Zone zone, String description) {
            this.name = name;
            this.zone = zone;
            this.description = description;
        }

        public Builder key(String... keyColumns) {
            this.key = List.of(keyColumns);
            return this;
        }

        public Builder partitionedBy(String column) {
            this.partitionColumn = column;
            return this;
        }

        public Builder required(String column, ColumnType type, String doc) {
            columns.add(new Column(column, type, true, false, List.of(), doc));
            return this;
        }

        public Builder optional(String column, ColumnType type, String doc) {
            columns.add(new Column(column, type, false, false, List.of(), doc));
            return this;
        }

        public Builder pii(String column, boolean required, String doc) {
            columns.add(new Column(column, ColumnType.STRING, required, true, List.of(), doc));
            return this;
        }

        public Builder oneOf(String column, boolean required, List<String> values, String doc) {
            columns.add(new Column(column, ColumnType.STRING, required, false, values, doc));
            return this;
        }

        /** The column holds the natural key of the named table (blank refers to nothing where optional). */
        public Builder references(String column, String parentTable) {
            references.add(new Reference(column, parentTable));
            return this;
        }

        public TableDefinition build() {
            return new TableDefinition(name, zone, description, key, columns, partitionColumn, references);
        }
    }
}
