package io.salesops.ingest.mapping;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.profile.ColumnSource;
import io.salesops.ingest.profile.LoadRule;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a user's YAML mapping of an unfamiliar export onto a canonical table and validates all of
 * it before any row is read. See ingest/README.md for the format and worked examples.
 */
public final class MappingFile {

    private static final Set<String> TOP_LEVEL = Set.of("name", "table", "encoding", "columns", "load",
            "updated-at", "deleted-when");
    private static final Set<String> COLUMN_KEYS = Set.of("from", "constant", "template", "format", "values",
            "default");

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private MappingFile(String file) {
        this.file = file;
    }

    public static SourceProfile load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + path, e);
        }
        return parse(path.getFileName().toString(), text);
    }

    public static SourceProfile parse(String fileName, String yaml) {
        MappingFile mapping = new MappingFile(fileName);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new MappingException(List.of(fileName + " line " + (e.getProblemMark().getLine() + 1)
                    + ": not valid YAML: " + e.getProblem()));
        }
        if (!(root instanceof MappingNode document)) {
            throw new MappingException(List.of(fileName + ": a mapping file is a YAML map with table and columns"));
        }
        SourceProfile profile = mapping.read(document);
        if (!mapping.problems.isEmpty()) {
            throw new MappingException(mapping.problems);
        }
        return profile;
    }

    private SourceProfile read(MappingNode document) {
        Map<String, NodeTuple> top = entries(document, "", TOP_LEVEL);
        Optional<TableDefinition> table = Optional.ofNullable(top.get("table")).flatMap(t -> {
            String name = scalar(t.getValueNode(), "table");
            Optional<TableDefinition> found = CanonicalTables.ALL.stream().filter(d -> d.name().equals(name))
                    .findFirst();
            if (found.isEmpty() && name != null) {
                problem(t.getValueNode(), "table", "must be a canonical table (" + String.join(", ",
                        CanonicalTables.ALL.stream().map(TableDefinition::name).toList()) + "), cannot be: " + name);
            }
            return found;
        });
        if (!top.containsKey("table")) {
            problem(document, "table", "is required: the canonical table this export loads into");
        }
        Charset charset = null;
        if (top.containsKey("encoding")) {
            String encoding = scalar(top.get("encoding").getValueNode(), "encoding");
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                problem(top.get("encoding").getValueNode(), "encoding", "is not a known charset: " + encoding);
            }
        }
        if (!top.containsKey("columns")) {
            problem(document, "columns", "is required: canonical column → source column");
        }
        if (table.isEmpty() || !top.containsKey("columns")) {
            return null;
        }
        String name = top.containsKey("name") ? scalar(top.get("name").getValueNode(), "name")
                : file.replaceFirst("\\.ya?ml$", "");
        SourceProfile profile = columns(name, table.get(), top.get("columns").getValueNode(), charset);
        LoadRule load = new LoadSection(this).read(top);
        return profile == null || load == null ? null : profile.withLoad(load);
    }

    private SourceProfile columns(String name, TableDefinition table, Node node, Charset charset) {
        Map<String, ColumnSource> sources = new LinkedHashMap<>();
        Map<String, Map<String, String>> valueMaps = new LinkedHashMap<>();
        Map<String, String> formats = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        if (!(node instanceof MappingNode columnsNode)) {
            problem(node, "columns", "must be a map of canonical column → source");
            return null;
        }
        for (NodeTuple entry : columnsNode.getValue()) {
            String columnName = scalar(entry.getKeyNode(), "columns");
            String key = "columns." + columnName;
            Optional<Column> column = table.column(columnName);
            if (column.isEmpty()) {
                problem(entry.getKeyNode(), key, table.name() + " has no column " + columnName + "; its columns are "
                        + String.join(", ", table.columnNames()));
                continue;
            }
            new ColumnEntry(this, column.get(), key).read(entry.getValueNode(), sources, valueMaps, formats, defaults);
        }
        for (Column column : table.columns()) {
            if (column.required() && !sources.containsKey(column.name()) && !defaults.containsKey(column.name())) {
                problem(node, "columns." + column.name(), "is required by " + table.name()
                        + " and not mapped: give it a source column, a constant or a default");
            }
        }
        return new SourceProfile(name, table, sources, valueMaps, formats, defaults, charset);
    }

    Map<String, NodeTuple> entries(MappingNode node, String prefix, Set<String> allowed) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = scalar(tuple.getKeyNode(), prefix);
            if (key != null && !allowed.contains(key)) {
                problem(tuple.getKeyNode(), prefix + key, "is not a known key; allowed are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            } else if (key != null) {
                entries.put(key, tuple);
            }
        }
        return entries;
    }

    String scalar(Node node, String key) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, key, "must be a single value");
        return null;
    }

    void problem(Node node, String key, String message) {
        problems.add(file + " line " + (node.getStartMark().getLine() + 1) + ", key " + key + ": " + message);
    }

    static Set<String> columnKeys() {
        return COLUMN_KEYS;
    }

    /** Checks a pattern the way the parser will use it. */
    static boolean validPattern(ColumnType type, String pattern) {
        if (ValueParser.EPOCH_MILLIS.equals(pattern)) {
            return type == ColumnType.TIMESTAMP;
        }
        try {
            ValueParser.pattern(pattern);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
