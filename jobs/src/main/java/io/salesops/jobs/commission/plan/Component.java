package io.salesops.jobs.commission.plan;

/**
 * One part of a plan. A new kind is a further record here, a
 * reader method in {@code ComponentReader} and a branch in {@code calc.ComponentMath}.
 */
public sealed interface Component permits EarningComponent, CapComponent, DrawComponent {

    /** Unique within the plan; names the component on every payout line. */
    String id();
}
