package io.salesops.jobs.runtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.io.StringReader;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Typed reads of YAML nodes that collect every problem as "FILE line N, key K: rule" instead of
 * stopping at the first, so the author of a data file (a commission plan, a funnel) sees all of them
 * at once. Each read returns null after
 * reporting a problem. Values are read from the node text, never through YAML's own typing, so
 * 0.1 stays exactly 0.1.
 */
public final class CheckedYaml {

    private record Problem(int line, String text) {
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * The top-level map of a data file. A text that is not YAML, or whose top is not a map, is one
     * problem ("FILE line N: not valid YAML: ..." or "FILE: {@code expected}"), thrown through
     * {@code failure} as the file's own exception.
     */
    public static MappingNode document(String file, String yamlText, String expected,
                                       Function<List<String>, ? extends RuntimeException> failure) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            throw failure.apply(List.of(file + " line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem()));
        }
        if (!(root instanceof MappingNode document)) {
            throw failure.apply(List.of(file + ": " + expected));
        }
        return document;
    }

    /** An enum's values by lower-case name, in declaration order: the choices a key may take. */
    public static <E extends Enum<E>> Map<String, E> choices(E[] values) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E value : values) {
            choices.put(value.name().toLowerCase(Locale.ROOT), value);
        }
        return choices;
    }

    public CheckedYaml(String file) {
        this.file = file;
    }

    public int problemCount() {
        return problems.size();
    }

    /** The problems in file order, so the author can fix them top to bottom. */
    public List<String> problems() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).map(Problem::text).toList();
    }

    public void problem(Node node, String key, String message) {
        int line = node.getStartMark().getLine() + 1;
        problems.add(new Problem(line, file + " line " + line + ", key " + key + ": " + message));
    }

    /** The map's entries by key; unknown keys are reported with the allowed ones. */
    public Map<String, Node> entries(MappingNode node, String prefix, Set<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = text(tuple.getKeyNode(), prefix + "?");
            if (key == null) {
                continue;
            }
            if (!allowed.contains(key)) {
                problem(tuple.getKeyNode(), prefix + key, "is not a known key; allowed are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    /** The value under {@code key}, or null after reporting it missing at {@code parent}. */
    public Node required(Map<String, Node> entries, Node parent, String prefix, String key, String why) {
        Node node = entries.get(key);
        if (node == null) {
            problem(parent, prefix + key, "is required: " + why);
        }
        return node;
    }

    public String text(Node node, String key) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().trim();
        }
        problem(node, key, node instanceof ScalarNode ? "must not be empty" : "must be a single value");
        return null;
    }

    public BigDecimal number(Node node, String key) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problem(node, key, "must be a number, cannot be: " + text);
            return null;
        }
    }

    /** A rate or multiplier at least 0, written as a fraction (0.03) or a percentage (3%). */
    public BigDecimal fraction(Node node, String key) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        boolean percent = text.endsWith("%");
        BigDecimal value;
        try {
            value = new BigDecimal(percent ? text.substring(0, text.length() - 1).trim() : text);
        } catch (NumberFormatException e) {
            problem(node, key, "must be a number like 0.03 or a percentage like 3%, cannot be: " + text);
            return null;
        }
        if (value.signum() < 0) {
            problem(node, key, "must be at least 0, cannot be: " + text);
            return null;
        }
        return percent ? value.movePointLeft(2) : value;
    }

    /** A money amount above 0 with no more decimals than the plan rounds to (null scale: unknown). */
    public BigDecimal positiveAmount(Node node, String key, Integer scale) {
        BigDecimal value = number(node, key);
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0) {
            problem(node, key, "must be above 0, cannot be: " + value.toPlainString());
            return null;
        }
        if (scale != null && value.stripTrailingZeros().scale() > scale) {
            problem(node, key, "must have at most " + scale + " decimals (rounding.scale), cannot be: "
                    + value.toPlainString());
            return null;
        }
        return value;
    }

    /** The optional {@code cap} key of an earning component: a positive amount at the rounding scale. */
    public Optional<BigDecimal> optionalCap(Map<String, Node> entries, String prefix, Integer scale) {
        return entries.containsKey("cap")
                ? Optional.ofNullable(positiveAmount(entries.get("cap"), prefix + "cap", scale))
                : Optional.empty();
    }

    public Integer wholeNumber(Node node, String key, int min, int max) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        problem(node, key, "must be a whole number from " + min + " to " + max + ", cannot be: " + text);
        return null;
    }

    public LocalDate date(Node node, String key) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(node, key, "must be a date like 2026-01-01, cannot be: " + text);
            return null;
        }
    }

    /**
     * The optional key {@code prefix + key} of {@code entries} as one of {@code choices}: {@code
     * absent} when the key is not there, null after naming the choices.
     */
    public <T> T optionalChoice(Map<String, Node> entries, String prefix, String key, Map<String, T> choices, T absent) {
        Node node = entries.get(key);
        return node == null ? absent : choice(node, prefix + key, choices);
    }

    /** One of {@code choices}' keys (case-insensitive), or null after naming the choices. */
    public <T> T choice(Node node, String key, Map<String, T> choices) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        T value = choices.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            problem(node, key, "must be one of " + String.join(", ", choices.keySet()) + ", cannot be: " + text);
        }
        return value;
    }
}
