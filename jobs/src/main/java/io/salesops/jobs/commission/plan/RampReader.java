package io.salesops.jobs.commission.plan;

import io.salesops.jobs.runtime.CheckedYaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code ramp} list, at plan level or on a quota_attainment component, e.g.
 * {@code [{month: 1, quota: 25%}, {month: 2, quota: 50%}]}, reporting each broken rule of
 * {@link PlanRules#rampProblems} at the line of the step that breaks it.
 */
final class RampReader {

    /** A ramp longer than ten years is a typo, not a plan. */
    private static final int MAX_MONTH = 120;

    private final CheckedYaml yaml;

    RampReader(CheckedYaml yaml) {
        this.yaml = yaml;
    }

    /** Empty when {@code node} is null (no ramp); null when a problem was reported. */
    Optional<Ramp> read(Node node, String key) {
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            yaml.problem(node, key, "must be a non-empty list of {month, quota}, e.g. [{month: 1, quota: 25%}]");
            return null;
        }
        int before = yaml.problemCount();
        List<RampStep> steps = new ArrayList<>();
        Integer previousMonth = null;
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String prefix = key + "[" + (i + 1) + "].";
            if (!(item instanceof MappingNode map)) {
                yaml.problem(item, key + "[" + (i + 1) + "]", "must be a map like {month: 1, quota: 25%}");
                continue;
            }
            Map<String, Node> entries = yaml.entries(map, prefix, Set.of("month", "quota"));
            Node monthNode = yaml.required(entries, item, prefix, "month", "the employment month, 1 = the hire month");
            Integer month = monthNode == null ? null : yaml.wholeNumber(monthNode, prefix + "month", 1, MAX_MONTH);
            if (month != null && previousMonth != null && month <= previousMonth) {
                yaml.problem(monthNode, prefix + "month", "ramp months must increase: " + month + " after "
                        + previousMonth);
            }
            previousMonth = month == null ? previousMonth : month;
            Node shareNode = yaml.required(entries, item, prefix, "quota", "the share of the full quota, e.g. 25%");
            BigDecimal share = shareNode == null ? null : yaml.fraction(shareNode, prefix + "quota");
            if (share != null) {
                String label = yaml.text(shareNode, prefix + "quota");
                PlanRules.rampShareProblem(share, label).ifPresent(problem -> yaml.problem(shareNode, prefix + "quota",
                        problem));
            }
            if (month != null && share != null && PlanRules.rampShareProblem(share, "").isEmpty()) {
                steps.add(new RampStep(month, share));
            }
        }
        return yaml.problemCount() > before ? null : Optional.of(new Ramp(steps));
    }
}
