package io.salesops.jobs.commission.plan;

/**
 * How a quota_attainment component pays over the year: {@code NONE} on each period alone;
 * {@code YEAR_TO_DATE} on the year-to-date credited amount against year-to-date quota, less what
 * earlier periods of the year paid (calc.TrueUpMath), so a slow start is caught up.
 */
public enum TrueUp {
    NONE,
    YEAR_TO_DATE
}
