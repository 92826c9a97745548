package io.salesops.jobs.commission.plan;

import io.salesops.jobs.runtime.CheckedYaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a list of half-open bands ({@code tiers} of amounts or {@code bands} of attainment) and
 * checks them with {@link PlanRules#contiguityProblems}, reporting each problem at the line of the
 * bound that breaks the rule. Keys number bands from 1, as "tier 2" does on a statement.
 */
final class BandsReader {

    /** One band as read, before it becomes a Tier or an AttainmentBand. */
    record ReadBand(BigDecimal from, BigDecimal to, BigDecimal value) {
    }

    private final CheckedYaml yaml;

    BandsReader(CheckedYaml yaml) {
        this.yaml = yaml;
    }

    /**
     * @param noun       "tier" or "band", used in messages
     * @param valueKey   "rate" or "multiplier"
     * @param boundsRead how a bound is read: amounts as numbers, attainment also as percentages
     * @return the bands, or null when any problem was reported
     */
    List<ReadBand> read(Node node, String key, String noun, String valueKey,
            BiFunction<Node, String, BigDecimal> boundsRead) {
        if (!(node instanceof SequenceNode list)) {
            yaml.problem(node, key, "must be a list of {from, to, " + valueKey + "}");
            return null;
        }
        int before = yaml.problemCount();
        List<ReadBand> bands = new ArrayList<>();
        List<PlanRules.Bounds> bounds = new ArrayList<>();
        List<Map<String, Node>> nodes = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String prefix = key + "[" + (i + 1) + "].";
            if (!(item instanceof MappingNode map)) {
                yaml.problem(item, key + "[" + (i + 1) + "]", "must be a map like {from: 0, to: 100000, "
                        + valueKey + ": 0.03}");
                continue;
            }
            Map<String, Node> entries = yaml.entries(map, prefix, Set.of("from", "to", valueKey));
            Node fromNode = yaml.required(entries, item, prefix, "from", "where the " + noun + " starts (included)");
            BigDecimal from = fromNode == null ? null : boundsRead.apply(fromNode, prefix + "from");
            BigDecimal to = entries.containsKey("to") ? boundsRead.apply(entries.get("to"), prefix + "to") : null;
            Node valueNode = yaml.required(entries, item, prefix, valueKey, "what the " + noun + " pays");
            BigDecimal value = valueNode == null ? null : yaml.fraction(valueNode, prefix + valueKey);
            if (from != null) {
                bounds.add(new PlanRules.Bounds(from, to, label(fromNode), to == null ? null : label(entries.get("to"))));
                nodes.add(entries);
            }
            bands.add(new ReadBand(from, to, value));
        }
        if (yaml.problemCount() > before) {
            return null; // bounds that did not parse would make the order checks misleading
        }
        for (PlanRules.BoundsProblem problem : PlanRules.contiguityProblems(bounds, noun)) {
            if (problem.index() < 0) {
                yaml.problem(node, key, problem.message());
            } else {
                yaml.problem(nodes.get(problem.index()).getOrDefault(problem.field(), list.getValue()
                        .get(problem.index())), key + "[" + (problem.index() + 1) + "]." + problem.field(),
                        problem.message());
            }
        }
        return yaml.problemCount() > before ? null : bands;
    }

    private static String label(Node node) {
        return ((ScalarNode) node).getValue().trim();
    }
}
