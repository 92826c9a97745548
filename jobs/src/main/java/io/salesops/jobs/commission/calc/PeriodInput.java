package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the calculator needs for one rep's period: the rep's credits; the full quota (only for
 * quota_attainment); the period and the rep's hire date (only for a ramped quota); and the credits
 * of the rep's team (only for manager_override). An input a component needs but that is absent
 * (null) is an error naming the component, never a silent zero; an empty team is a team of none.
 */
public record PeriodInput(List<Credit> credits, BigDecimal quota, YearMonth period, LocalDate hireDate,
        List<TeamCredit> team) {

    public PeriodInput {
        credits = List.copyOf(credits);
        team = team == null ? null : List.copyOf(team);
    }

    /** A rep's own credits and full quota (may be null): no ramp details, no team. */
    public static PeriodInput of(List<Credit> credits, BigDecimal quota) {
        return new PeriodInput(credits, quota, null, null, null);
    }

    /** The same input, for a rep hired on {@code newHireDate}, in {@code newPeriod}. */
    public PeriodInput hiredOn(LocalDate newHireDate, YearMonth newPeriod) {
        return new PeriodInput(credits, quota, newPeriod, newHireDate, team);
    }

    /** The same input, for a manager whose team earned {@code teamCredits} in the period. */
    public PeriodInput withTeam(List<TeamCredit> teamCredits) {
        return new PeriodInput(credits, quota, period, hireDate, teamCredits);
    }
}
