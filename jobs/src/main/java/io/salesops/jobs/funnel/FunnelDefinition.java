package io.salesops.jobs.funnel;

import java.util.List;

/**
 * A conversion funnel as data: ordered steps, each detected from canonical data, what a member is
 * (a lead or an opportunity), the default conversion window and the order semantics.
 *
 * @param windowDays the conversion window of a step that states none: a member entering a step
 *                   counts as converted in window when it reaches the next one within this many days
 */
public record FunnelDefinition(String id, String name, Member member, Order order, int windowDays,
                               List<FunnelStep> steps) {

    /** What moves through the funnel. */
    public enum Member {
        /** a lead, then the opportunity it converted to */
        LEAD,
        /** an opportunity, for data without leads */
        OPPORTUNITY
    }

    /**
     * How a step counts as reached. {@code IN_ORDER}: a member in a later step (or won) reached every
     * earlier one, with or without a record of it (counted in {@code skipped}). {@code ANY_ORDER}: a
     * member reached a step when it has a record of it and of every earlier step, in whatever order.
     */
    public enum Order {
        IN_ORDER,
        ANY_ORDER
    }

    public FunnelDefinition {
        steps = List.copyOf(steps);
    }

    public int windowDays(FunnelStep step) {
        return step.windowDays() == null ? windowDays : step.windowDays();
    }
}
