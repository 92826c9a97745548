package io.salesops.jobs.funnel;

import io.salesops.jobs.funnel.FunnelDefinition.Member;
import io.salesops.jobs.funnel.FunnelDefinition.Order;
import io.salesops.jobs.funnel.FunnelStep.Evidence;
import io.salesops.jobs.runtime.CheckedYaml;
import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a funnel definition YAML file and validates all of it before any computation; a file with
 * problems throws {@link FunnelFileException} listing every one, each with file, line and key.
 * The format is in README.md here.
 */
public final class FunnelFile {

    /** Lead statuses in funnel order; {@code disqualified} is an outcome, not a step. */
    static final List<String> LEAD_STATUSES = List.of("new", "contacted", "mql", "sql", "converted");
    /** Open opportunity stages in order; closed_won is the {@code won} step, closed_lost an outcome. */
    static final List<String> OPEN_STAGES = Vocabulary.OPEN_OPPORTUNITY_STAGES;

    private static final Set<String> TOP_LEVEL = Set.of("id", "name", "member", "order", "window_days", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "name", "reached", "status", "stage", "window_days");
    private static final Map<String, Member> MEMBERS = CheckedYaml.choices(Member.values());
    private static final Map<String, Order> ORDERS = CheckedYaml.choices(Order.values());
    private static final Map<String, Evidence> EVIDENCE = CheckedYaml.choices(Evidence.values());
    private static final int DEFAULT_WINDOW_DAYS = 90;
    private static final int MAX_WINDOW_DAYS = 3650;

    private FunnelFile() {
    }

    public static FunnelDefinition load(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read funnel definition " + path, e);
        }
    }

    public static FunnelDefinition parse(String fileName, String yamlText) {
        MappingNode document = CheckedYaml.document(fileName, yamlText,
                "a funnel file is a YAML map with id, name, member and steps", FunnelFileException::new);
        CheckedYaml yaml = new CheckedYaml(fileName);
        FunnelDefinition funnel = read(yaml, document);
        if (yaml.problemCount() > 0) {
            throw new FunnelFileException(yaml.problems());
        }
        return funnel;
    }

    private static FunnelDefinition read(CheckedYaml yaml, MappingNode document) {
        Map<String, Node> top = yaml.entries(document, "", TOP_LEVEL);
        Node idNode = yaml.required(top, document, "", "id", "the funnel's name in the marts, e.g. lead-to-won");
        String id = idNode == null ? null : identifier(yaml, idNode, "id", "[a-z0-9][a-z0-9-]*");
        Node nameNode = yaml.required(top, document, "", "name", "the title reports print");
        String name = nameNode == null ? null : yaml.text(nameNode, "name");
        Node memberNode = yaml.required(top, document, "", "member", "lead or opportunity: what moves through it");
        Member member = memberNode == null ? null : yaml.choice(memberNode, "member", MEMBERS);
        Order order = yaml.optionalChoice(top, "", "order", ORDERS, Order.IN_ORDER);
        Integer window = top.containsKey("window_days")
                ? yaml.wholeNumber(top.get("window_days"), "window_days", 1, MAX_WINDOW_DAYS)
                : Integer.valueOf(DEFAULT_WINDOW_DAYS);
        Node stepsNode = yaml.required(top, document, "", "steps", "the ordered list of steps");
        List<FunnelStep> steps = stepsNode == null ? null : steps(yaml, stepsNode, member);
        if (yaml.problemCount() > 0) {
            return null;
        }
        return new FunnelDefinition(id, name, member, order, window, steps);
    }

    private static List<FunnelStep> steps(CheckedYaml yaml, Node node, Member member) {
        if (!(node instanceof SequenceNode list) || list.getValue().size() < 2) {
            yaml.problem(node, "steps", "must be a list of at least two steps");
            return null;
        }
        List<FunnelStep> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String prefix = "steps[" + (i + 1) + "].";
            FunnelStep step = step(yaml, item, prefix);
            if (step == null) {
                continue;
            }
            if (!ids.add(step.id())) {
                yaml.problem(item, prefix + "id", "must be unique in the funnel, cannot be: " + step.id() + " again");
            }
            steps.add(step);
            placement(yaml, item, prefix, member, steps, i == list.getValue().size() - 1);
        }
        return steps;
    }

    private static FunnelStep step(CheckedYaml yaml, Node node, String prefix) {
        if (!(node instanceof MappingNode map)) {
            yaml.problem(node, prefix.substring(0, prefix.length() - 1), "must be a map with id, name and reached");
            return null;
        }
        Map<String, Node> entries = yaml.entries(map, prefix, STEP_KEYS);
        Node idNode = yaml.required(entries, node, prefix, "id", "the step's name in the marts, e.g. mql");
        String id = idNode == null ? null : identifier(yaml, idNode, prefix + "id", "[a-z0-9][a-z0-9_]*");
        Node nameNode = yaml.required(entries, node, prefix, "name", "the label reports print");
        String name = nameNode == null ? null : yaml.text(nameNode, prefix + "name");
        Node reachedNode = yaml.required(entries, node, prefix, "reached",
                "the record that shows it: " + String.join(", ", EVIDENCE.keySet()));
        Evidence evidence = reachedNode == null ? null : yaml.choice(reachedNode, prefix + "reached", EVIDENCE);
        String value = null;
        if (evidence == Evidence.LEAD_STATUS) {
            value = valueOf(yaml, entries, node, prefix, "status", LEAD_STATUSES.subList(1, 4));
        } else if (evidence == Evidence.STAGE) {
            value = valueOf(yaml, entries, node, prefix, "stage", OPEN_STAGES);
        }
        for (String key : List.of("status", "stage")) {
            boolean belongs = key.equals("status") ? evidence == Evidence.LEAD_STATUS : evidence == Evidence.STAGE;
            if (entries.containsKey(key) && evidence != null && !belongs) {
                yaml.problem(entries.get(key), prefix + key, "is only for reached: "
                        + (key.equals("status") ? "lead_status" : "stage"));
            }
        }
        Integer window = entries.containsKey("window_days")
                ? yaml.wholeNumber(entries.get("window_days"), prefix + "window_days", 1, MAX_WINDOW_DAYS) : null;
        if (id == null || name == null || evidence == null
                || (value == null && (evidence == Evidence.LEAD_STATUS || evidence == Evidence.STAGE))) {
            return null;
        }
        return new FunnelStep(id, name, evidence, value, window);
    }

    /** Where a step may stand: the member's creation first, won last, lead steps before the opportunity's. */
    private static void placement(CheckedYaml yaml, Node node, String prefix, Member member, List<FunnelStep> steps,
                                  boolean last) {
        FunnelStep step = steps.get(steps.size() - 1);
        Evidence first = member == Member.OPPORTUNITY ? Evidence.OPPORTUNITY_CREATED : Evidence.LEAD_CREATED;
        if (steps.size() == 1 && member != null && step.evidence() != first) {
            yaml.problem(at(node, "reached"), prefix + "reached", "the first step of a " + name(member) + " funnel must be "
                    + name(first) + " (its cohort is the month it was created), cannot be: " + name(step.evidence()));
            return;
        }
        if (steps.size() > 1 && (step.evidence() == Evidence.LEAD_CREATED
                || step.evidence() == Evidence.OPPORTUNITY_CREATED && member == Member.OPPORTUNITY)) {
            yaml.problem(at(node, "reached"), prefix + "reached", name(step.evidence()) + " can only be the first step");
        }
        if (member == Member.OPPORTUNITY && (step.evidence() == Evidence.LEAD_STATUS
                || step.evidence() == Evidence.CONVERTED)) {
            yaml.problem(at(node, "reached"), prefix + "reached", name(step.evidence()) + " needs leads: the member is an opportunity");
        }
        if (last && step.windowDays() != null) {
            yaml.problem(at(node, "window_days"), prefix + "window_days", "the last step has no next step to convert to: put the window"
                    + " on the step before it");
        }
        if (step.evidence() == Evidence.WON && !last) {
            yaml.problem(at(node, "reached"), prefix + "reached", "won must be the last step");
        }
        boolean pastConversion = steps.stream().anyMatch(s -> s.evidence() == Evidence.CONVERTED
                || s.evidence() == Evidence.OPPORTUNITY_CREATED);
        if (member == Member.LEAD && step.evidence() == Evidence.LEAD_STATUS && pastConversion) {
            yaml.problem(at(node, "reached"), prefix + "reached", "a lead status must come before the conversion");
        }
        if (member == Member.LEAD && (step.evidence() == Evidence.STAGE || step.evidence() == Evidence.WON)
                && !pastConversion) {
            yaml.problem(at(node, "reached"), prefix + "reached", name(step.evidence()) + " follows the lead's conversion: put a"
                    + " converted step before it");
        }
        FunnelStep before = steps.size() > 1 ? steps.get(steps.size() - 2) : null;
        if (before != null && before.evidence() == step.evidence() && step.value() != null && before.value() != null
                && values(step).indexOf(step.value()) <= values(step).indexOf(before.value())) {
            String key = step.evidence() == Evidence.LEAD_STATUS ? "status" : "stage";
            yaml.problem(at(node, key), prefix + key, "must come after " + before.value() + " in the order "
                    + String.join(" → ", values(step)) + ", cannot be: " + step.value());
        }
    }

    /** The node of {@code key} in a step's map, so a problem points at its line; the map when absent. */
    private static Node at(Node step, String key) {
        if (step instanceof MappingNode map) {
            for (var tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return step;
    }

    private static List<String> values(FunnelStep step) {
        return step.evidence() == Evidence.LEAD_STATUS ? LEAD_STATUSES : OPEN_STAGES;
    }

    private static String valueOf(CheckedYaml yaml, Map<String, Node> entries, Node parent, String prefix, String key,
                                  List<String> allowed) {
        Node node = yaml.required(entries, parent, prefix, key, "one of " + String.join(", ", allowed));
        String text = node == null ? null : yaml.text(node, prefix + key);
        if (text != null && !allowed.contains(text)) {
            yaml.problem(node, prefix + key, "must be one of " + String.join(", ", allowed) + ", cannot be: " + text);
            return null;
        }
        return text;
    }

    private static String identifier(CheckedYaml yaml, Node node, String key, String pattern) {
        String text = yaml.text(node, key);
        if (text != null && !text.matches(pattern)) {
            yaml.problem(node, key, "must be lower-case letters, digits" + (pattern.contains("_") ? " and _" : " and -")
                    + ", cannot be: " + text);
            return null;
        }
        return text;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
