package io.salesops.jobs.commission.plan;

import io.salesops.jobs.runtime.CheckedYaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code components} list, one reader per {@code kind}. A new kind adds its keys to
 * {@link #KEYS} and a method here. Keys in messages name a component by its id
 * ({@code components.volume.tiers[2].to}), or by its position when it has none.
 */
final class ComponentReader {

    private static final Map<String, Set<String>> KEYS = Map.of(
            "rate", Set.of("id", "kind", "rate", "category_multipliers", "cap"),
            "tiered", Set.of("id", "kind", "mode", "tiers", "cap"),
            "quota_attainment", Set.of("id", "kind", "rate", "mode", "bands", "cap", "ramp", "true_up",
                    "negative_true_up"),
            "manager_override", Set.of("id", "kind", "rate", "levels", "rates", "cap"),
            "new_customer_bonus", Set.of("id", "kind", "amount", "rate", "cap"),
            "margin", Set.of("id", "kind", "rate", "cap"),
            "volume", Set.of("id", "kind", "rate_per_unit", "unit", "cap"),
            "spif", Set.of("id", "kind", "from", "to", "category", "campaign", "attribution", "lookback_days",
                    "touch_types", "amount", "rate", "cap"),
            "cap", Set.of("id", "kind", "amount", "applies_to"),
            "draw", Set.of("id", "kind", "amount", "type", "months", "at_termination"));
    private static final List<String> KINDS = List.of("rate", "tiered", "quota_attainment", "new_customer_bonus",
            "margin", "volume", "spif", "manager_override", "cap", "draw");
    /** Kinds that earn nothing themselves, so a cap cannot name them. */
    private static final Set<String> NOT_EARNING = Set.of("cap", "draw");
    private static final Map<String, TierMode> MODES = CheckedYaml.choices(TierMode.values());
    private static final Map<String, TrueUp> TRUE_UPS = CheckedYaml.choices(TrueUp.values());
    private static final Map<String, NegativeTrueUp> NEGATIVE_TRUE_UPS = CheckedYaml.choices(NegativeTrueUp.values());

    /** A cap component's targets as read, checked once every component's id and kind are known. */
    private record ReadCap(String id, List<String> targets, Node item, Node targetsNode) {
    }

    private final CheckedYaml yaml;
    private final Integer scale;
    /** id → kind of every component read so far, including ones with problems of their own. */
    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final List<ReadCap> caps = new ArrayList<>();
    /** ids of quota_attainment components paid by year-to-date true-up, which a cap component cannot name yet. */
    private final Set<String> trueUps = new java.util.HashSet<>();
    /** prefix (components.ID.) → node of each draw component read. */
    private final List<Map.Entry<String, Node>> draws = new ArrayList<>();
    private final IncentiveReader incentives;

    /** @param scale the plan's rounding scale, or null when it could not be read */
    ComponentReader(CheckedYaml yaml, Integer scale) {
        this.yaml = yaml;
        this.scale = scale;
        this.incentives = new IncentiveReader(yaml, scale);
    }

    /** The components, or null when any problem was reported. */
    List<Component> readAll(Node node) {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            yaml.problem(node, "components", "must be a non-empty list of components, each with id and kind");
            return null;
        }
        int before = yaml.problemCount();
        Map<String, Node> seen = new LinkedHashMap<>();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            if (!(item instanceof MappingNode map)) {
                yaml.problem(item, "components[" + (i + 1) + "]", "must be a map with id and kind");
                continue;
            }
            Component component = read(map, i + 1, seen);
            if (component != null) {
                components.add(component);
            }
        }
        caps.forEach(this::checkTargets);
        if (caps.size() > 1) {
            // Overlapping period caps would need an order of application; until a plan needs two,
            // one cap over a set of components plus each component's own cap key is the model.
            ReadCap second = caps.get(1);
            yaml.problem(second.item(), "components." + second.id(),
                    "a plan has at most one cap component; limit a single component with its own cap key");
        }
        if (draws.size() > 1) {
            Map.Entry<String, Node> second = draws.get(1);
            String key = second.getKey().substring(0, second.getKey().length() - 1);
            yaml.problem(second.getValue(), key, "a plan has at most one draw component");
        }
        return yaml.problemCount() > before ? null : components;
    }

    private Component read(MappingNode map, int position, Map<String, Node> seen) {
        Map<String, Node> loose = new LinkedHashMap<>();
        map.getValue().forEach(t -> loose.put(t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "",
                t.getValueNode()));
        String id = loose.containsKey("id") ? yaml.text(loose.get("id"), "components[" + position + "].id") : null;
        String prefix = id == null ? "components[" + position + "]." : "components." + id + ".";
        if (id == null && !loose.containsKey("id")) {
            yaml.problem(map, prefix + "id", "is required: a unique name shown on every payout line");
        }
        if (id != null && seen.containsKey(id)) {
            yaml.problem(loose.get("id"), prefix + "id", "must be unique; the component on line "
                    + (seen.get(id).getStartMark().getLine() + 1) + " has it too");
        } else if (id != null) {
            seen.put(id, loose.get("id"));
        }
        if (!loose.containsKey("kind")) {
            yaml.problem(map, prefix + "kind", "is required: one of " + String.join(", ", KINDS));
            return null;
        }
        String kind = yaml.text(loose.get("kind"), prefix + "kind");
        if (kind != null && !KEYS.containsKey(kind)) {
            yaml.problem(loose.get("kind"), prefix + "kind", "must be one of " + String.join(", ", KINDS)
                    + ", cannot be: " + kind);
        }
        if (kind == null || !KEYS.containsKey(kind)) {
            return null;
        }
        if (id != null) {
            kinds.putIfAbsent(id, kind);
        }
        int before = yaml.problemCount();
        Map<String, Node> entries = yaml.entries(map, prefix, KEYS.get(kind));
        Component component = switch (kind) {
            case "rate" -> rate(id, map, prefix, entries);
            case "tiered" -> tiered(id, map, prefix, entries);
            case "quota_attainment" -> attainment(id, map, prefix, entries);
            case "new_customer_bonus" -> incentives.newCustomerBonus(id, map, prefix, entries);
            case "margin" -> incentives.margin(id, map, prefix, entries);
            case "volume" -> incentives.volume(id, map, prefix, entries);
            case "spif" -> incentives.spif(id, map, prefix, entries);
            case "manager_override" -> managerOverride(id, map, prefix, entries);
            case "draw" -> draw(id, map, prefix, entries);
            default -> cap(id, map, prefix, entries);
        };
        return yaml.problemCount() > before || id == null ? null : component;
    }

    private Component rate(String id, Node node, String prefix, Map<String, Node> entries) {
        Node rateNode = yaml.required(entries, node, prefix, "rate", "the share of the credited amount paid, e.g. 3%");
        BigDecimal rate = rateNode == null ? null : yaml.fraction(rateNode, prefix + "rate");
        Map<String, BigDecimal> multipliers = new LinkedHashMap<>();
        Node multipliersNode = entries.get("category_multipliers");
        if (multipliersNode instanceof MappingNode map) {
            map.getValue().forEach(t -> {
                String category = yaml.text(t.getKeyNode(), prefix + "category_multipliers");
                BigDecimal multiplier = yaml.fraction(t.getValueNode(), prefix + "category_multipliers." + category);
                if (category != null && multiplier != null) {
                    multipliers.put(category, multiplier);
                }
            });
        } else if (multipliersNode != null) {
            yaml.problem(multipliersNode, prefix + "category_multipliers", "must be a map of product category →"
                    + " multiplier, e.g. {pigments: 1.5}");
        }
        Optional<BigDecimal> cap = componentCap(prefix, entries);
        return rate == null || id == null ? null : new RateComponent(id, rate, multipliers, cap);
    }

    private Component tiered(String id, Node node, String prefix, Map<String, Node> entries) {
        TierMode mode = mode(node, prefix, entries, "tier");
        Node tiersNode = yaml.required(entries, node, prefix, "tiers", "the list of {from, to, rate}");
        List<BandsReader.ReadBand> tiers = tiersNode == null ? null
                : new BandsReader(yaml).read(tiersNode, prefix + "tiers", "tier", "rate", yaml::number);
        Optional<BigDecimal> cap = componentCap(prefix, entries);
        if (mode == null || tiers == null || id == null) {
            return null;
        }
        return new TieredComponent(id, mode, tiers.stream().map(t -> new Tier(t.from(), t.to(), t.value())).toList(),
                cap);
    }

    private Component attainment(String id, Node node, String prefix, Map<String, Node> entries) {
        Node rateNode = yaml.required(entries, node, prefix, "rate", "the rate the band multipliers scale, e.g. 5%");
        BigDecimal rate = rateNode == null ? null : yaml.fraction(rateNode, prefix + "rate");
        TierMode mode = mode(node, prefix, entries, "band");
        Node bandsNode = yaml.required(entries, node, prefix, "bands", "the list of {from, to, multiplier} by"
                + " attainment, e.g. {from: 100%, multiplier: 1.5}");
        List<BandsReader.ReadBand> bands = bandsNode == null ? null
                : new BandsReader(yaml).read(bandsNode, prefix + "bands", "band", "multiplier", yaml::fraction);
        Optional<BigDecimal> cap = componentCap(prefix, entries);
        Optional<Ramp> ramp = new RampReader(yaml).read(entries.get("ramp"), prefix + "ramp");
        TrueUp trueUp = yaml.optionalChoice(entries, prefix, "true_up", TRUE_UPS, TrueUp.NONE);
        if (trueUp == TrueUp.YEAR_TO_DATE && id != null) {
            trueUps.add(id);
        }
        NegativeTrueUp negative = yaml.optionalChoice(entries, prefix, "negative_true_up", NEGATIVE_TRUE_UPS,
                NegativeTrueUp.TAKE_BACK);
        if (negative == NegativeTrueUp.CARRY_FORWARD && trueUp == TrueUp.NONE) {
            yaml.problem(entries.get("negative_true_up"), prefix + "negative_true_up", "only a year-to-date true-up can fall below what"
                    + " earlier periods paid, cannot be: carry_forward without true_up: year_to_date; remove"
                    + " negative_true_up or add true_up: year_to_date");
            return null;
        }
        if (rate == null || mode == null || bands == null || id == null || ramp == null || trueUp == null
                || negative == null) {
            return null;
        }
        return new AttainmentComponent(id, rate, mode, bands.stream()
                .map(b -> new AttainmentBand(b.from(), b.to(), b.value())).toList(), cap, ramp, trueUp, negative);
    }

    private Component managerOverride(String id, Node node, String prefix, Map<String, Node> entries) {
        if (entries.containsKey("rates")) {
            return overrideByLevel(id, prefix, entries);
        }
        Node rateNode = yaml.required(entries, node, prefix, "rate", "the share of the team's credited amount paid"
                + " to the manager, e.g. 1% (or rates: one per level, e.g. [0.5%, 1%])");
        BigDecimal rate = rateNode == null ? null : yaml.fraction(rateNode, prefix + "rate");
        Optional<BigDecimal> cap = componentCap(prefix, entries);
        Node levelsNode = entries.get("levels");
        Integer levels = levelsNode == null ? Integer.valueOf(1)
                : yaml.wholeNumber(levelsNode, prefix + "levels", 1, ManagerOverrideComponent.MAX_LEVELS);
        return rate == null || id == null || levels == null ? null
                : new ManagerOverrideComponent(id, rate, cap, levels);
    }

    /** {@code rates: [level 1, level 2, ...]}: a rate per level; how many is how far the override reaches. */
    private Component overrideByLevel(String id, String prefix, Map<String, Node> entries) {
        Node ratesNode = entries.get("rates");
        for (String alone : List.of("rate", "levels")) {
            if (entries.containsKey(alone)) {
                yaml.problem(entries.get(alone), prefix + alone, "give either rate (with levels) or rates (one per"
                        + " level), not both");
                return null;
            }
        }
        if (!(ratesNode instanceof SequenceNode list) || list.getValue().isEmpty()
                || list.getValue().size() > ManagerOverrideComponent.MAX_LEVELS) {
            yaml.problem(ratesNode, prefix + "rates", "must be a list of 1 to " + ManagerOverrideComponent.MAX_LEVELS
                    + " rates, one per level from the direct reports down, e.g. [0.5%, 1%]");
            return null;
        }
        List<BigDecimal> rates = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            rates.add(yaml.fraction(list.getValue().get(i), prefix + "rates[" + (i + 1) + "]"));
        }
        Optional<BigDecimal> cap = componentCap(prefix, entries);
        return id == null || rates.contains(null) ? null : new ManagerOverrideComponent(id, rates, cap);
    }

    private Component draw(String id, Node node, String prefix, Map<String, Node> entries) {
        draws.add(Map.entry(prefix, node));
        return incentives.draw(id, node, prefix, entries);
    }

    private Component cap(String id, Node node, String prefix, Map<String, Node> entries) {
        Node amountNode = yaml.required(entries, node, prefix, "amount", "the most paid per period");
        BigDecimal amount = amountNode == null ? null : yaml.positiveAmount(amountNode, prefix + "amount", scale);
        List<String> targets = new ArrayList<>();
        Node targetsNode = entries.get("applies_to");
        if (targetsNode instanceof SequenceNode list) {
            list.getValue().forEach(target -> targets.add(yaml.text(target, prefix + "applies_to")));
        } else if (targetsNode != null) {
            yaml.problem(targetsNode, prefix + "applies_to", "must be a list of component ids, e.g. [base, tiers]");
        }
        if (id != null && !targets.contains(null)) {
            caps.add(new ReadCap(id, targets, node, targetsNode));
        }
        if (amount == null || id == null || targets.contains(null)) {
            return null;
        }
        return new CapComponent(id, amount, targets);
    }

    private TierMode mode(Node node, String prefix, Map<String, Node> entries, String noun) {
        Node modeNode = yaml.required(entries, node, prefix, "mode", "marginal (each slice at its " + noun
                + "'s rate) or retro (the reached " + noun + "'s rate on the whole amount)");
        return modeNode == null ? null : yaml.choice(modeNode, prefix + "mode", MODES);
    }

    private Optional<BigDecimal> componentCap(String prefix, Map<String, Node> entries) {
        return yaml.optionalCap(entries, prefix, scale);
    }

    /** A cap may only name earning components of the same plan. */
    private void checkTargets(ReadCap cap) {
        List<String> earning = kinds.entrySet().stream().filter(e -> !NOT_EARNING.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        for (String target : cap.targets()) {
            if (trueUps.contains(target)) {
                yaml.problem(cap.targetsNode(), "components." + cap.id() + ".applies_to", "cannot name a year-to-date"
                        + " true-up component yet (its lines come from the year's periods): " + target);
            } else if (!earning.contains(target)) {
                String kind = kinds.getOrDefault(target, "");
                yaml.problem(cap.targetsNode(), "components." + cap.id() + ".applies_to",
                        (NOT_EARNING.contains(kind) ? "must name earning components, not a " + kind + ": "
                                : "names no component of this plan: ") + target + "; earning components are "
                                + String.join(", ", earning));
            }
        }
    }
}
