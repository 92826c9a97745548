package io.salesops.warehouse.analyst;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The statements that fill the analyst databases; pure text, so each rule is testable alone. */
final class AnalystSql {

    /** Columns of a table of record findings (ingest_rejects, ingest_warnings): records of other tables. */
    static final String FINDING_TABLE = "table_name";
    static final String FINDING_COLUMN = "column_name";
    static final String FINDING_MESSAGE = "message";
    static final String FINDING_RECORD = "raw_record";

    private AnalystSql() {
    }

    /**
     * A masked copy of a table version: personal columns keep their first character; a table of
     * record findings keeps no raw record of a personal table, and no message about one of its
     * personal columns (the message quotes the bad value), since both hold its personal values.
     */
    static String maskedTable(TableDefinition table, TableVersion version, Collection<TableDefinition> all) {
        String create = "CREATE TABLE main." + quote(table.name()) + " AS ";
        if (version.parquetFiles().isEmpty()) {
            return create + emptySelect(table);
        }
        List<String> personalTables = all.stream().filter(AnalystSql::personal).map(TableDefinition::name).toList();
        String columns = table.storedColumns().stream().map(column -> {
            if (column.pii()) {
                return masked(quote(column.name())) + " AS " + quote(column.name());
            }
            if (isFindings(table) && column.name().equals(FINDING_RECORD) && !personalTables.isEmpty()) {
                return "CASE WHEN " + quote(FINDING_TABLE) + " IN (" + literals(personalTables) + ") THEN NULL ELSE "
                        + quote(FINDING_RECORD) + " END AS " + quote(FINDING_RECORD);
            }
            if (isFindings(table) && column.name().equals(FINDING_MESSAGE) && !personalTables.isEmpty()) {
                return "CASE WHEN " + personalFinding(all) + " THEN " + literal(MASK_MESSAGE) + " ELSE "
                        + quote(FINDING_MESSAGE) + " END AS " + quote(FINDING_MESSAGE);
            }
            return quote(column.name());
        }).collect(Collectors.joining(", "));
        return create + "SELECT " + columns + " FROM " + source(version);
    }

    /** What replaces a message about a personal value in the masked database. */
    static final String MASK_MESSAGE = "(personal value: the message is in analyst-private.duckdb)";

    /** A view over a table version, unmasked. */
    static String view(String schema, TableDefinition table, TableVersion version) {
        String view = "CREATE OR REPLACE VIEW " + schema + "." + quote(table.name()) + " AS ";
        return view + (version.parquetFiles().isEmpty() ? emptySelect(table)
                : "SELECT " + table.storedColumns().stream().map(c -> quote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM " + source(version));
    }

    static String versionsTable(String schema, List<TableVersion> versions) {
        return "CREATE TABLE " + schema + ".warehouse_versions AS " + versionsSelect(versions);
    }

    static String versionsView(String schema, List<TableVersion> versions) {
        return "CREATE OR REPLACE VIEW " + schema + ".warehouse_versions AS " + versionsSelect(versions);
    }

    private static String versionsSelect(List<TableVersion> versions) {
        if (versions.isEmpty()) {
            return "SELECT NULL::VARCHAR AS table_name, NULL::INTEGER AS version, NULL::VARCHAR AS batch_id,"
                    + " NULL::TIMESTAMPTZ AS created_at, NULL::BIGINT AS row_count WHERE false";
        }
        String rows = versions.stream().map(v -> "(" + literal(v.table()) + ", " + v.version() + ", "
                + literal(v.batchId()) + ", " + literal(v.createdAt().toString()) + "::TIMESTAMPTZ, " + v.rowCount()
                + ")").collect(Collectors.joining(", "));
        return "SELECT * FROM (VALUES " + rows + ") AS t(table_name, version, batch_id, created_at, row_count)";
    }

    /**
     * By name: a version may hold files written before a column was added (a mart carries its
     * other partitions over as they were written); by default DuckDB takes the first file's
     * columns and then fails on, or silently drops, a column the others have.
     */
    private static String source(TableVersion version) {
        return "read_parquet(" + literal(version.parquetGlob()) + ", union_by_name = true)";
    }

    /** A published version can be empty (a quarantine without rejects); keep the columns. */
    private static String emptySelect(TableDefinition table) {
        return "SELECT " + table.storedColumns().stream()
                .map(column -> "NULL::" + column.type().sqlType() + " AS " + quote(column.name()))
                .collect(Collectors.joining(", ")) + " WHERE false";
    }

    private static String personalFinding(Collection<TableDefinition> all) {
        return all.stream().filter(AnalystSql::personal).map(t -> "(" + quote(FINDING_TABLE) + " = "
                + literal(t.name()) + " AND (" + quote(FINDING_COLUMN) + " IS NULL OR " + quote(FINDING_COLUMN)
                + " IN (" + literals(t.storedColumns().stream().filter(Column::pii).map(Column::name).toList())
                + ")))").collect(Collectors.joining(" OR "));
    }

    static boolean personal(TableDefinition table) {
        return table.storedColumns().stream().anyMatch(Column::pii);
    }

    static boolean isFindings(TableDefinition table) {
        List<String> names = table.storedColumns().stream().map(Column::name).toList();
        return names.containsAll(List.of(FINDING_TABLE, FINDING_COLUMN, FINDING_MESSAGE, FINDING_RECORD));
    }

    /** Keeps the first character so analysts can still group and eyeball, hides the rest. */
    private static String masked(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE left(" + column + ", 1) || "
                + literal(AnalystDatabase.MASK) + " END";
    }

    static String quote(String identifier) {
        return io.salesops.warehouse.merge.SpillingDuckDb.quoted(identifier);
    }

    static String literal(String value) {
        return io.salesops.warehouse.merge.SpillingDuckDb.literal(value);
    }

    private static String literals(List<String> values) {
        return values.stream().map(AnalystSql::literal).collect(Collectors.joining(", "));
    }
}
