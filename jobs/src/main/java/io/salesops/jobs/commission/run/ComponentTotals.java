package io.salesops.jobs.commission.run;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of commission_statements.earned_by_component, in one place for writing and reading it:
 * {@code base=1.00; tiers=2.00}, each component of the plan in plan order with what it paid in
 * the period (its lines' sum, caps and true-up subtractions included).
 */
final class ComponentTotals {

    private static final String SEPARATOR = "; ";

    private ComponentTotals() {
    }

    static String format(Map<String, BigDecimal> byComponent) {
        return byComponent.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(SEPARATOR));
    }

    /** Component id → amount, in the order written; empty for a statement without components. */
    static Map<String, BigDecimal> parse(String text) {
        Map<String, BigDecimal> byComponent = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return byComponent;
        }
        for (String pair : text.split(SEPARATOR)) {
            int equals = pair.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("earned_by_component must read component=amount; ...,"
                        + " cannot be: " + text);
            }
            byComponent.put(pair.substring(0, equals), new BigDecimal(pair.substring(equals + 1)));
        }
        return byComponent;
    }
}
