package io.salesops.jobs.commission.assign;

import java.time.LocalDate;

/**
 * One row of the assignments file: the plan a rep (or every rep of a role) is paid by on
 * [effectiveFrom, effectiveTo); effectiveTo is null while open.
 *
 * @param assignee a rep id, or {@code role:NAME} for every rep of that role
 */
public record PlanAssignment(String assignee, String planId, LocalDate effectiveFrom, LocalDate effectiveTo,
        long line) {

    public static final String ROLE_PREFIX = "role:";

    public boolean coversDate(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    boolean overlaps(PlanAssignment other) {
        boolean startsBeforeOtherEnds = other.effectiveTo == null || effectiveFrom.isBefore(other.effectiveTo);
        boolean otherStartsBeforeThisEnds = effectiveTo == null || other.effectiveFrom.isBefore(effectiveTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    boolean isRole() {
        return assignee.startsWith(ROLE_PREFIX);
    }
}
