package io.salesops.ingest.mapping;

import io.salesops.ingest.profile.LoadRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The top-level {@code load}, {@code updated-at} and {@code deleted-when} keys of a mapping file:
 * <pre>
 * load: incremental                       # or snapshot, the default
 * updated-at: LastModifiedDate            # or {from: Modified, format: "M/d/yyyy H:mm"}
 * deleted-when: {from: IsDeleted, values: ["true", "1"]}
 * </pre>
 */
final class LoadSection {

    private final MappingFile file;

    LoadSection(MappingFile file) {
        this.file = file;
    }

    /** The rule, or null when a problem was reported. */
    LoadRule read(Map<String, NodeTuple> top) {
        LoadRule.Mode mode = LoadRule.Mode.SNAPSHOT;
        boolean ok = true;
        if (top.containsKey("load")) {
            Node node = top.get("load").getValueNode();
            String value = file.scalar(node, "load");
            if ("incremental".equals(value)) {
                mode = LoadRule.Mode.INCREMENTAL;
            } else if (!"snapshot".equals(value)) {
                file.problem(node, "load", "must be snapshot (a full export) or incremental (changes), cannot be: "
                        + value);
                ok = false;
            }
        }
        String updatedAt = null;
        String format = null;
        if (top.containsKey("updated-at")) {
            Node node = top.get("updated-at").getValueNode();
            if (node instanceof ScalarNode scalar) {
                updatedAt = scalar.getValue();
            } else if (node instanceof MappingNode map) {
                Map<String, NodeTuple> entries = file.entries(map, "updated-at.", Set.of("from", "format"));
                updatedAt = entries.containsKey("from") ? file.scalar(entries.get("from").getValueNode(),
                        "updated-at.from") : null;
                if (updatedAt == null) {
                    file.problem(node, "updated-at.from", "is required: the source column with the modification time");
                    ok = false;
                }
                if (entries.containsKey("format")) {
                    format = file.scalar(entries.get("format").getValueNode(), "updated-at.format");
                    if (format != null && !MappingFile.validPattern(io.salesops.warehouse.model.ColumnType.TIMESTAMP,
                            format)) {
                        file.problem(entries.get("format").getValueNode(), "updated-at.format",
                                "is not a valid date-time pattern: " + format);
                        ok = false;
                    }
                }
            } else {
                file.problem(node, "updated-at", "must be a source column or a map with from and format");
                ok = false;
            }
        }
        String deletedHeader = null;
        List<String> deletedValues = new ArrayList<>();
        if (top.containsKey("deleted-when")) {
            Node node = top.get("deleted-when").getValueNode();
            if (mode != LoadRule.Mode.INCREMENTAL) {
                file.problem(node, "deleted-when", "needs load: incremental; a snapshot export replaces its rows,"
                        + " so it has nothing to delete");
                ok = false;
            } else if (node instanceof MappingNode map) {
                Map<String, NodeTuple> entries = file.entries(map, "deleted-when.", Set.of("from", "values"));
                deletedHeader = entries.containsKey("from") ? file.scalar(entries.get("from").getValueNode(),
                        "deleted-when.from") : null;
                if (entries.get("values") != null
                        && entries.get("values").getValueNode() instanceof SequenceNode values) {
                    values.getValue().forEach(value -> deletedValues.add(file.scalar(value, "deleted-when.values")));
                }
                if (deletedHeader == null || deletedValues.isEmpty() || deletedValues.contains(null)) {
                    file.problem(node, "deleted-when", "needs from (the source column) and values (a list of the"
                            + " values meaning deleted)");
                    ok = false;
                }
            } else {
                file.problem(node, "deleted-when", "must be a map with from and values");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return new LoadRule(mode, updatedAt, format, deletedHeader, Set.copyOf(deletedValues));
    }
}
