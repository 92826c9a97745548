package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.commission.plan.AttainmentBand;
import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.ManagerOverrideComponent;
import io.salesops.jobs.commission.plan.Ramp;
import io.salesops.jobs.commission.plan.RampStep;
import io.salesops.jobs.commission.plan.Rounding;
import io.salesops.jobs.commission.plan.TierMode;
import io.salesops.jobs.commission.plan.TrueUp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inputs manager overrides, ramped quotas and year-to-date true-ups need, on literal values. */
class RampOverrideTrueUpTest {

    private static final List<AttainmentBand> ACCELERATOR = List.of(
            new AttainmentBand(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE),
            new AttainmentBand(BigDecimal.ONE, null, new BigDecimal("1.5")));

    @Test
    void anOverrideWithoutTheTeamsCreditsIsAnErrorNotAZero() {
        // given
        ManagerOverrideComponent override = new ManagerOverrideComponent("team", new BigDecimal("0.01"),
                Optional.empty());

        // then
        assertThatThrownBy(() -> PlanCalculator.calculate(PlanCalculatorTest.plan(override), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component team pays an override on the team's credits, so the team's credits are"
                        + " required (an empty list for a manager without a team)");
        assertThat(PlanCalculator.calculate(PlanCalculatorTest.plan(override),
                PeriodInput.of(List.of(), null).withTeam(List.of())).lines()).as("a team of none").isEmpty();
    }

    @Test
    void aRampedQuotaNeedsTheHireDateAndAPeriodNotBeforeIt() {
        // given
        AttainmentComponent attainment = new AttainmentComponent("attainment", new BigDecimal("0.05"),
                TierMode.MARGINAL, ACCELERATOR, Optional.empty(),
                Optional.of(new Ramp(List.of(new RampStep(1, new BigDecimal("0.25"))))), TrueUp.NONE);
        PeriodInput input = PeriodInput.of(List.of(PlanCalculatorTest.credit("T1", "1000.00")),
                new BigDecimal("100000.00"));

        // then
        assertThatThrownBy(() -> PlanCalculator.calculate(PlanCalculatorTest.plan(attainment), input))
                .hasMessage("component attainment has a ramped quota, so the rep's hire date and the period are"
                        + " required, cannot be: null, null");
        assertThatThrownBy(() -> PlanCalculator.calculate(PlanCalculatorTest.plan(attainment),
                input.hiredOn(LocalDate.of(2026, 5, 2), YearMonth.of(2026, 4))))
                .hasMessage("the period must not be before the hire date 2026-05-02, cannot be: 2026-04");
    }

    @Test
    void employmentMonthsCountCalendarMonthsAcrossTheYearEnd() {
        assertThat(QuotaRamp.employmentMonth(LocalDate.of(2026, 12, 31), YearMonth.of(2026, 12))).isEqualTo(1);
        assertThat(QuotaRamp.employmentMonth(LocalDate.of(2026, 12, 31), YearMonth.of(2027, 1))).isEqualTo(2);
        assertThat(QuotaRamp.employmentMonth(LocalDate.of(2026, 11, 1), YearMonth.of(2027, 2))).isEqualTo(4);
    }

    @Test
    void aCapThatWithholdsInDecemberSaysTheYearCannotPayItAnyMore() {
        // given: 1% on the year to date, at most 500.00 a period; November pays 300.00, December is due 900.00
        AttainmentComponent capped = new AttainmentComponent("yearly", new BigDecimal("0.01"), TierMode.RETRO,
                List.of(new AttainmentBand(BigDecimal.ZERO, null, BigDecimal.ONE)), Optional.of(new BigDecimal("500.00")),
                Optional.empty(), TrueUp.YEAR_TO_DATE);
        List<QuotaPeriod> periods = List.of(new QuotaPeriod("2026-11", new BigDecimal("30000.00"),
                new BigDecimal("100000.00")), new QuotaPeriod("2026-12", new BigDecimal("90000.00"),
                new BigDecimal("100000.00")));

        // when
        List<TrueUpPeriod> year = TrueUpMath.yearToDate(capped, periods, new Rounding(2, RoundingMode.HALF_UP));

        // then: December's 1,200.00 less 300.00 paid = 900.00, capped at 500.00, and the 400.00 is lost
        assertThat(year.get(1).total()).isEqualByComparingTo("500.00");
        assertThat(year.get(1).lines().get(year.get(1).lines().size() - 1).explanation()).isEqualTo("cap 500.00 on"
                + " 900.00 due this period: reduced by 400.00, not paid: the year ends with this period");
    }

    @Test
    void aTrueUpTakesBackWhatAFallInAttainmentNoLongerEarns() {
        // given: 1% retro, x1.5 from 100% of quota; 100,000.00 quota a period
        AttainmentComponent yearly = new AttainmentComponent("yearly", new BigDecimal("0.01"), TierMode.RETRO,
                ACCELERATOR, Optional.empty(), Optional.empty(), TrueUp.YEAR_TO_DATE);
        List<QuotaPeriod> periods = List.of(
                new QuotaPeriod("2026-01", new BigDecimal("120000.00"), new BigDecimal("100000.00")),
                new QuotaPeriod("2026-02", new BigDecimal("0.00"), new BigDecimal("100000.00")));

        // when
        List<TrueUpPeriod> settled = TrueUpMath.yearToDate(yearly, periods, new Rounding(2, RoundingMode.HALF_UP));

        // then: Jan 120,000 x 1.5% = 1,800.00; Feb YTD 120,000 of 200,000 = 60% -> x 1%: 1,200.00 - 1,800.00
        assertThat(settled).extracting(TrueUpPeriod::total).containsExactly(new BigDecimal("1800.00"),
                new BigDecimal("-600.00"));
        assertThat(settled.get(1).lines().get(1).explanation())
                .isEqualTo("year to date 1,200.00 less 1,800.00 paid in earlier periods of the year");
    }
}
