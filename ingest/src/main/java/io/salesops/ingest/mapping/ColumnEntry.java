package io.salesops.ingest.mapping;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
import io.salesops.ingest.profile.ColumnSource;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.ColumnType;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One {@code columns.<name>} entry of a mapping file: either a source header, or a map with one of
 * from / constant / template, and optionally format, values and default.
 */
final class ColumnEntry {

    private final MappingFile file;
    private final Column column;
    private final String key;

    ColumnEntry(MappingFile file, Column column, String key) {
        this.file = file;
        this.column = column;
        this.key = key;
    }

    void read(Node node, Map<String, ColumnSource> sources, Map<String, Map<String, String>> valueMaps,
              Map<String, String> formats, Map<String, String> defaults) {
        if (node instanceof ScalarNode header) {
            sources.put(column.name(), new ColumnSource.Header(header.getValue()));
            return;
        }
        if (!(node instanceof MappingNode map)) {
            file.problem(node, key, "must be a source column name or a map with from, constant or template");
            return;
        }
        Map<String, NodeTuple> entries = file.entries(map, key + ".", MappingFile.columnKeys());
        List<String> kinds = List.of("from", "constant", "template").stream().filter(entries::containsKey).toList();
        if (kinds.size() > 1) {
            file.problem(node, key, "takes one of from, constant or template, cannot have " + kinds);
        }
        if (entries.containsKey("from")) {
            sources.put(column.name(), new ColumnSource.Header(value(entries, "from")));
        } else if (entries.containsKey("constant")) {
            String constant = value(entries, "constant");
            checkValue(entries.get("constant").getValueNode(), key + ".constant", constant);
            sources.put(column.name(), new ColumnSource.Constant(constant));
        } else if (entries.containsKey("template")) {
            try {
                sources.put(column.name(), ColumnSource.Template.of(value(entries, "template")));
            } catch (IllegalArgumentException e) {
                file.problem(entries.get("template").getValueNode(), key + ".template", e.getMessage());
            }
        }
        if (entries.containsKey("format")) {
            readFormat(entries.get("format").getValueNode(), formats);
        }
        if (entries.containsKey("values")) {
            readValues(entries.get("values").getValueNode(), valueMaps);
        }
        if (entries.containsKey("default")) {
            String value = value(entries, "default");
            checkValue(entries.get("default").getValueNode(), key + ".default", value);
            defaults.put(column.name(), value);
        }
    }

    private void readFormat(Node node, Map<String, String> formats) {
        String pattern = file.scalar(node, key + ".format");
        if (column.type() != ColumnType.DATE && column.type() != ColumnType.TIMESTAMP) {
            file.problem(node, key + ".format", "applies to date and timestamp columns; " + column.name()
                    + " is " + column.type().sqlType());
        } else if (pattern != null && !MappingFile.validPattern(column.type(), pattern)) {
            file.problem(node, key + ".format", "is not a valid date/time pattern (e.g. M/d/yyyy H:mm, yyyy年M月d日"
                    + (column.type() == ColumnType.TIMESTAMP ? ", epoch-millis" : "") + "), cannot be: " + pattern);
        } else if (pattern != null) {
            formats.put(column.name(), pattern);
        }
    }

    private void readValues(Node node, Map<String, Map<String, String>> valueMaps) {
        if (!(node instanceof MappingNode map)) {
            file.problem(node, key + ".values", "must be a map of source value → canonical value");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String from = file.scalar(tuple.getKeyNode(), key + ".values");
            String to = file.scalar(tuple.getValueNode(), key + ".values." + from);
            if (from != null && to != null) {
                checkValue(tuple.getValueNode(), key + ".values." + from, to);
                values.put(from.strip(), to);
            }
        }
        valueMaps.put(column.name(), values);
    }

    /** A constant, default or mapped value must itself be valid for the column. */
    private void checkValue(Node node, String where, String value) {
        if (value == null) {
            return;
        }
        try {
            new ValueParser(ZoneOffset.UTC, Map.of()).parse(column, value);
        } catch (ValueRejected e) {
            file.problem(node, where, e.getMessage());
        }
    }

    private String value(Map<String, NodeTuple> entries, String name) {
        return file.scalar(entries.get(name).getValueNode(), key + "." + name);
    }
}
