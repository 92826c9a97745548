package io.salesops.ingest.csv;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
import io.salesops.ingest.profile.ColumnSource;
import io.salesops.ingest.profile.LoadRule;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.Lineage;
import io.salesops.warehouse.model.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns one CSV record into a stored row of the profile's table (canonical columns, then lineage),
 * or, for a record an incremental export marks as deleted, into a tombstone of its natural key.
 */
final class RecordMapper {

    private static final Column UPDATED_AT = Lineage.COLUMNS.stream()
            .filter(c -> c.name().equals(Lineage.SOURCE_UPDATED_AT)).findFirst().orElseThrow();

    private final TableDefinition table;
    private final SourceProfile profile;
    private final ValueParser parser;
    private final ValueParser updatedAtParser;
    private final String fileLabel;
    private final int headerSize;
    /** For each canonical column, where its text comes from, or null when the profile leaves it empty. */
    private final ColumnSource[] sources;
    /** For a column read from one header as is, that header's index (a faster path than by name). */
    private final int[] headerIndexes;
    private final int[] keyIndexes;
    private final int updatedAtIndex;
    private final int deletedIndex;

    RecordMapper(SourceProfile profile, List<String> header, String fileLabel, ValueParser parser) {
        this.table = profile.table();
        this.profile = profile;
        this.parser = parser;
        this.fileLabel = fileLabel;
        this.headerSize = header.size();
        List<Column> columns = table.columns();
        this.sources = new ColumnSource[columns.size()];
        this.headerIndexes = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSource source = profile.sources().get(columns.get(i).name());
            headerIndexes[i] = -1;
            if (source != null && header.containsAll(source.headers())) {
                sources[i] = source;
                if (source instanceof ColumnSource.Header single) {
                    headerIndexes[i] = header.indexOf(single.header());
                }
            }
        }
        this.keyIndexes = table.naturalKey().stream().mapToInt(table.columnNames()::indexOf).toArray();
        LoadRule load = profile.load();
        this.updatedAtIndex = load.updatedAtHeader() == null ? -1 : header.indexOf(load.updatedAtHeader());
        this.deletedIndex = load.deletedHeader() == null ? -1 : header.indexOf(load.deletedHeader());
        this.updatedAtParser = new ValueParser(parser.localZone(), load.updatedAtFormat() == null ? Map.of()
                : Map.of(UPDATED_AT.name(), load.updatedAtFormat()));
    }

    /** Whether the export marks this record as deleted. */
    boolean isDelete(CSVRecord record) {
        return deletedIndex >= 0 && deletedIndex < record.size() && profile.load().isDeleted(record.get(deletedIndex));
    }

    Object[] map(CSVRecord record, long line, String batchId) throws RecordRejected {
        checkWidth(record, line);
        List<Column> columns = table.columns();
        Function<String, String> byName = record::get;
        Object[] row = new Object[columns.size() + Lineage.COLUMNS.size()];
        for (int i = 0; i < columns.size(); i++) {
            row[i] = value(columns.get(i), i, headerIndexes[i] >= 0 ? record.get(headerIndexes[i])
                    : sources[i] == null ? null : sources[i].extract(byName), line);
        }
        lineage(row, columns.size(), record, line, batchId);
        return row;
    }

    /** The natural key and lineage of a deleted record: all a delete needs, so other columns may be blank. */
    Object[] mapDelete(CSVRecord record, long line, String batchId) throws RecordRejected {
        checkWidth(record, line);
        Function<String, String> byName = record::get;
        Object[] tombstone = new Object[keyIndexes.length + Lineage.COLUMNS.size()];
        for (int k = 0; k < keyIndexes.length; k++) {
            int i = keyIndexes[k];
            tombstone[k] = value(table.columns().get(i), i, headerIndexes[i] >= 0 ? record.get(headerIndexes[i])
                    : sources[i] == null ? null : sources[i].extract(byName), line);
        }
        lineage(tombstone, keyIndexes.length, record, line, batchId);
        return tombstone;
    }

    /** Columns of a tombstone: the natural key, then lineage. */
    static List<Column> tombstoneColumns(TableDefinition table) {
        List<Column> columns = new ArrayList<>();
        table.naturalKey().forEach(key -> columns.add(table.column(key).orElseThrow()));
        columns.addAll(Lineage.COLUMNS);
        return columns;
    }

    String naturalKey(Object[] row) {
        if (keyIndexes.length == 1 && row[keyIndexes[0]] instanceof String single) {
            return single;
        }
        StringBuilder key = new StringBuilder();
        for (int index : keyIndexes) {
            appendKeyPart(key, row[index]);
            key.append('\u0001');
        }
        return key.toString();
    }

    /**
     * A key part in a form that is cheap to build and equal exactly when the values are equal
     * (Instant.toString, for one, goes through a formatter and was a hot spot).
     */
    private static void appendKeyPart(StringBuilder key, Object value) {
        if (value instanceof java.time.Instant instant) {
            key.append(instant.getEpochSecond()).append('.').append(instant.getNano());
        } else if (value instanceof java.time.LocalDate date) {
            key.append(date.toEpochDay());
        } else if (value instanceof java.math.BigDecimal number) {
            key.append(number.stripTrailingZeros().toPlainString());
        } else {
            key.append(value);
        }
    }

    private void checkWidth(CSVRecord record, long line) throws RecordRejected {
        if (record.size() != headerSize) {
            throw new RecordRejected(null, "column_count", fileLabel + " line " + line + ": expected " + headerSize
                    + " fields as in the header, found " + record.size());
        }
    }

    private Object value(Column column, int i, String text, long line) throws RecordRejected {
        if (text == null || text.isBlank()) {
            text = profile.defaults().get(column.name());
        }
        text = profile.mapValue(column.name(), text);
        Object value;
        try {
            value = parser.parse(column, text);
        } catch (ValueRejected e) {
            throw new RecordRejected(column.name(), e.rule(), where(line, column) + e.getMessage());
        }
        if (value == null && column.required()) {
            throw new RecordRejected(column.name(), "required", where(line, column) + column.name()
                    + " is required" + (sources[i] == null || sources[i].headers().isEmpty() ? ""
                    : " (from " + String.join(", ", sources[i].headers()) + ")"));
        }
        return value;
    }

    private void lineage(Object[] row, int at, CSVRecord record, long line, String batchId) throws RecordRejected {
        row[at] = fileLabel;
        row[at + 1] = line;
        row[at + 2] = batchId;
        if (updatedAtIndex >= 0) {
            try {
                row[at + 3] = updatedAtParser.parse(UPDATED_AT, record.get(updatedAtIndex));
            } catch (ValueRejected e) {
                throw new RecordRejected(profile.load().updatedAtHeader(), e.rule(), fileLabel + " line " + line
                        + ", column " + profile.load().updatedAtHeader() + " (modification time): " + e.getMessage());
            }
        }
    }

    private String where(long line, Column column) {
        return fileLabel + " line " + line + ", column " + column.name() + ": ";
    }
}
