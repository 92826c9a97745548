package io.salesops.ingest.csv;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
import io.salesops.ingest.profile.ColumnSource;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** Turns one CSV record into a stored row of the profile's table (canonical columns, then lineage). */
final class RecordMapper {

    private final TableDefinition table;
    private final SourceProfile profile;
    private final ValueParser parser;
    private final String fileLabel;
    private final int headerSize;
    /** For each canonical column, where its text comes from, or null when the profile leaves it empty. */
    private final ColumnSource[] sources;
    private final int[] keyIndexes;

    RecordMapper(SourceProfile profile, List<String> header, String fileLabel, ValueParser parser) {
        this.table = profile.table();
        this.profile = profile;
        this.parser = parser;
        this.fileLabel = fileLabel;
        this.headerSize = header.size();
        List<Column> columns = table.columns();
        this.sources = new ColumnSource[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSource source = profile.sources().get(columns.get(i).name());
            if (source != null && header.containsAll(source.headers())) {
                sources[i] = source;
            }
        }
        this.keyIndexes = table.naturalKey().stream().mapToInt(table.columnNames()::indexOf).toArray();
    }

    Object[] map(CSVRecord record, long line, String batchId) throws RecordRejected {
        if (record.size() != headerSize) {
            throw new RecordRejected(null, "column_count", fileLabel + " line " + line + ": expected " + headerSize
                    + " fields as in the header, found " + record.size());
        }
        List<Column> columns = table.columns();
        Object[] row = new Object[columns.size() + 3];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String text = sources[i] == null ? null : sources[i].extract(record::get);
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
            row[i] = value;
        }
        row[columns.size()] = fileLabel;
        row[columns.size() + 1] = line;
        row[columns.size() + 2] = batchId;
        return row;
    }

    String naturalKey(Object[] row) {
        if (keyIndexes.length == 1) {
            return String.valueOf(row[keyIndexes[0]]);
        }
        StringBuilder key = new StringBuilder();
        for (int index : keyIndexes) {
            key.append(row[index]).append('\u0001');
        }
        return key.toString();
    }

    private String where(long line, Column column) {
        return fileLabel + " line " + line + ", column " + column.name() + ": ";
    }
}
