package io.salesops.jobs.commission.plan;

import io.salesops.jobs.runtime.CheckedYaml;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the component kinds that pay per qualifying credit beyond a plain rate
 * ({@code new_customer_bonus}, {@code margin}, {@code volume}, {@code spif}) and the {@code draw};
 * {@link ComponentReader} dispatches to it by kind. Each method returns null after reporting.
 */
final class IncentiveReader {

    private static final Map<String, QuantityUnit> UNITS = CheckedYaml.choices(QuantityUnit.values());
    private static final Map<String, DrawType> DRAW_TYPES = CheckedYaml.choices(DrawType.values());
    private static final Map<String, DrawAtTermination> AT_TERMINATION = CheckedYaml.choices(DrawAtTermination.values());
    private static final Map<String, Attribution> ATTRIBUTIONS = CheckedYaml.choices(Attribution.values());

    /** How a campaign spif decides that a sale came from its campaign. */
    private enum Attribution {
        DEAL,
        TOUCH
    }

    private final CheckedYaml yaml;
    private final Integer scale;

    IncentiveReader(CheckedYaml yaml, Integer scale) {
        this.yaml = yaml;
        this.scale = scale;
    }

    Component newCustomerBonus(String id, Node node, String prefix, Map<String, Node> entries) {
        Bonus bonus = bonus(node, prefix, entries, "credit for a new customer");
        Optional<BigDecimal> cap = yaml.optionalCap(entries, prefix, scale);
        return bonus == null || id == null ? null : new NewCustomerBonusComponent(id, bonus, cap);
    }

    Component margin(String id, Node node, String prefix, Map<String, Node> entries) {
        Node rateNode = yaml.required(entries, node, prefix, "rate", "the share of the gross margin (credited amount"
                + " − cost) paid, e.g. 10%");
        BigDecimal rate = rateNode == null ? null : yaml.fraction(rateNode, prefix + "rate");
        Optional<BigDecimal> cap = yaml.optionalCap(entries, prefix, scale);
        return rate == null || id == null ? null : new MarginComponent(id, rate, cap);
    }

    Component volume(String id, Node node, String prefix, Map<String, Node> entries) {
        Node rateNode = yaml.required(entries, node, prefix, "rate_per_unit", "the amount paid per unit, e.g. 0.05");
        BigDecimal rate = rateNode == null ? null : yaml.number(rateNode, prefix + "rate_per_unit");
        if (rate != null && rate.signum() < 0) {
            yaml.problem(rateNode, prefix + "rate_per_unit", "must be at least 0, cannot be: " + rate.toPlainString());
            rate = null;
        }
        Node unitNode = yaml.required(entries, node, prefix, "unit", "what the rate is per: kg or t");
        QuantityUnit unit = unitNode == null ? null : yaml.choice(unitNode, prefix + "unit", UNITS);
        Optional<BigDecimal> cap = yaml.optionalCap(entries, prefix, scale);
        return rate == null || unit == null || id == null ? null : new VolumeComponent(id, rate, unit, cap);
    }

    Component spif(String id, Node node, String prefix, Map<String, Node> entries) {
        Node fromNode = yaml.required(entries, node, prefix, "from", "the first day a credit qualifies");
        LocalDate from = fromNode == null ? null : yaml.date(fromNode, prefix + "from");
        Node toNode = yaml.required(entries, node, prefix, "to", "the day the spif ends (not included)");
        LocalDate to = toNode == null ? null : yaml.date(toNode, prefix + "to");
        if (from != null && to != null && !to.isAfter(from)) {
            yaml.problem(toNode, prefix + "to", "must be after from " + from
                    + " (the spif runs up to, not including, to), cannot be: " + to);
            to = null;
        }
        String category = entries.containsKey("category") ? yaml.text(entries.get("category"), prefix + "category") : null;
        String campaign = entries.containsKey("campaign") ? yaml.text(entries.get("campaign"), prefix + "campaign") : null;
        boolean targetProblem = false;
        if (entries.containsKey("category") && entries.containsKey("campaign")) {
            yaml.problem(entries.get("campaign"), prefix + "campaign", "give either category or campaign, not both");
            targetProblem = true;
        } else if (!entries.containsKey("category") && !entries.containsKey("campaign")) {
            yaml.problem(node, prefix + "category", "is required unless campaign is given: the product category or"
                    + " campaign the spif rewards");
            targetProblem = true;
        }
        Bonus bonus = bonus(node, prefix, entries, "qualifying credit");
        Optional<BigDecimal> cap = yaml.optionalCap(entries, prefix, scale);
        Optional<TouchAttribution> touch = attribution(prefix, entries, entries.containsKey("campaign"));
        if (from == null || to == null || targetProblem || (category == null && campaign == null) || bonus == null
                || id == null || touch == null) {
            return null;
        }
        return new SpifComponent(id, from, to, category, campaign, bonus, cap, touch);
    }

    /**
     * A campaign spif's {@code attribution}: {@code deal} (the default: the campaign of the deal
     * behind the order) or {@code touch}, with {@code lookback_days} and {@code touch_types}.
     *
     * @return empty for deal attribution, null after a problem
     */
    private Optional<TouchAttribution> attribution(String prefix, Map<String, Node> entries, boolean onCampaign) {
        Attribution attribution = yaml.optionalChoice(entries, prefix, "attribution", ATTRIBUTIONS, Attribution.DEAL);
        if (attribution == null) {
            return null;
        }
        if (entries.containsKey("attribution") && !onCampaign) {
            yaml.problem(entries.get("attribution"), prefix + "attribution", "only a spif on a campaign is attributed, cannot be:"
                    + " attribution on a spif on a category");
            return null;
        }
        if (attribution == Attribution.DEAL) {
            for (String key : List.of("lookback_days", "touch_types")) {
                if (entries.containsKey(key)) {
                    yaml.problem(entries.get(key), prefix + key, "applies only to attribution: touch; add it, or"
                            + " remove " + key);
                    return null;
                }
            }
            return Optional.empty();
        }
        Node lookbackNode = entries.get("lookback_days");
        Integer lookback = lookbackNode == null ? Integer.valueOf(TouchAttribution.DEFAULT_LOOKBACK_DAYS)
                : yaml.wholeNumber(lookbackNode, prefix + "lookback_days", 0, TouchAttribution.MAX_LOOKBACK_DAYS);
        Set<String> types = new LinkedHashSet<>();
        Node typesNode = entries.get("touch_types");
        if (typesNode != null) {
            if (!(typesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
                yaml.problem(typesNode, prefix + "touch_types", "must be a list of touch types, e.g. [attended,"
                        + " responded]; leave it out to count every type");
                return null;
            }
            Map<String, String> known = new java.util.TreeMap<>();
            TouchAttribution.TYPES.forEach(t -> known.put(t, t));
            for (int i = 0; i < list.getValue().size(); i++) {
                String type = yaml.choice(list.getValue().get(i), prefix + "touch_types[" + (i + 1) + "]", known);
                if (type == null) {
                    return null;
                }
                types.add(type);
            }
        }
        return lookback == null ? null : Optional.of(new TouchAttribution(lookback, types));
    }

    Component draw(String id, Node node, String prefix, Map<String, Node> entries) {
        Node amountNode = yaml.required(entries, node, prefix, "amount", "the least paid per period");
        BigDecimal amount = amountNode == null ? null : yaml.positiveAmount(amountNode, prefix + "amount", scale);
        Node typeNode = yaml.required(entries, node, prefix, "type", "recoverable (repaid from later earnings) or"
                + " non_recoverable (guaranteed)");
        DrawType type = typeNode == null ? null : yaml.choice(typeNode, prefix + "type", DRAW_TYPES);
        Node monthsNode = entries.get("months");
        Integer months = monthsNode == null ? null
                : yaml.wholeNumber(monthsNode, prefix + "months", 1, DrawComponent.MAX_MONTHS);
        DrawAtTermination atTermination = yaml.optionalChoice(entries, prefix, "at_termination", AT_TERMINATION,
                DrawAtTermination.CARRY);
        if (atTermination == DrawAtTermination.FORGIVE && type == DrawType.NON_RECOVERABLE) {
            yaml.problem(entries.get("at_termination"), prefix + "at_termination", "only a recoverable draw carries a balance to"
                    + " forgive, cannot be: forgive on a non_recoverable draw; remove at_termination or make the draw"
                    + " recoverable");
            return null;
        }
        if (amount == null || type == null || id == null || atTermination == null
                || (monthsNode != null && months == null)) {
            return null;
        }
        return new DrawComponent(id, amount, type, Optional.ofNullable(months), atTermination);
    }

    /** Exactly one of {@code amount} (fixed, at the rounding scale) and {@code rate}. */
    private Bonus bonus(Node node, String prefix, Map<String, Node> entries, String per) {
        Node amountNode = entries.get("amount");
        Node rateNode = entries.get("rate");
        if (amountNode != null && rateNode != null) {
            yaml.problem(rateNode, prefix + "rate", "give either amount or rate, not both");
            return null;
        }
        if (amountNode == null && rateNode == null) {
            yaml.problem(node, prefix + "amount", "is required unless rate is given: a fixed amount per " + per
                    + ", e.g. 500.00, or a rate of its credited amount, e.g. 2%");
            return null;
        }
        if (amountNode != null) {
            BigDecimal amount = yaml.positiveAmount(amountNode, prefix + "amount", scale);
            return amount == null ? null : Bonus.fixed(amount);
        }
        BigDecimal rate = yaml.fraction(rateNode, prefix + "rate");
        return rate == null ? null : Bonus.ofRate(rate);
    }
}
