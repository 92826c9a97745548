package io.salesops.ingest.csv;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
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
    /** For each canonical column, the source header it is read from, or null when the file lacks it. */
    private final String[] sourceHeader;
    private final int[] keyIndexes;

    RecordMapper(SourceProfile profile, List<String> header, String fileLabel, ValueParser parser) {
        this.table = profile.table();
        this.profile = profile;
        this.parser = parser;
        this.fileLabel = fileLabel;
        this.headerSize = header.size();
        List<Column> columns = table.columns();
        this.sourceHeader = new String[columns.size()];
        for (String source : header) {
            String column = profile.headers().get(source);
            if (column != null) {
                sourceHeader[table.columnNames().indexOf(column)] = source;
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
            String text = sourceHeader[i] == null ? null : profile.mapValue(column.name(), record.get(sourceHeader[i]));
            Object value;
            try {
                value = parser.parse(column, text);
            } catch (ValueRejected e) {
                throw new RecordRejected(column.name(), e.rule(), where(line, column) + e.getMessage());
            }
            if (value == null && column.required()) {
                throw new RecordRejected(column.name(), "required", where(line, column) + column.name()
                        + " is required" + (sourceHeader[i] == null ? "" : " (header " + sourceHeader[i] + ")"));
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
