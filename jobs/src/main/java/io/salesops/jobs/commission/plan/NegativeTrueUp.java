package io.salesops.jobs.commission.plan;

/**
 * What a year-to-date true-up does in a period whose year to date earns less than the year's
 * earlier periods paid (attainment fell, e.g. after returns): {@code TAKE_BACK} pays the negative
 * difference, so over the year the component pays exactly what the year earns; {@code
 * CARRY_FORWARD} pays nothing that period and takes nothing back, and since "paid before" stays what
 * was paid, later periods of the year pay only once the year to date earns more than that. Over
 * the year it then pays the highest year-to-date earning reached.
 */
public enum NegativeTrueUp {
    TAKE_BACK,
    CARRY_FORWARD
}
