package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.commission.plan.AttainmentBand;
import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.Basis;
import io.salesops.jobs.commission.plan.CapComponent;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.Component;
import io.salesops.jobs.commission.plan.RateComponent;
import io.salesops.jobs.commission.plan.Rounding;
import io.salesops.jobs.commission.plan.TierMode;
import io.salesops.jobs.commission.plan.TieredComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The calculator on plans built in code; the golden cases cover the same math from YAML. */
class PlanCalculatorTest {

    @Test
    void theExplanationNamesTheTierItsBoundsAndTheMode() {
        // given
        TieredComponent volume = new TieredComponent("volume", TierMode.MARGINAL, List.of(
                TierMathTest.tier("0", "100000", "0.01"), TierMathTest.tier("100000", "500000", "0.03"),
                TierMathTest.tier("500000", null, "0.05")), Optional.empty());

        // when
        Statement statement = PlanCalculator.calculate(plan(volume), List.of(credit("T1", "112000.00")), null);

        // then
        assertThat(statement.lines()).extracting(PayoutLine::explanation).containsExactly(
                "100,000.00 × 1% (tier 1: 0–100,000, marginal)",
                "12,000.00 × 3% (tier 2: 100,000–500,000, marginal)");
        assertThat(statement.total()).isEqualByComparingTo("1360.00"); // 1,000 + 360
    }

    @Test
    void eachLineIsRoundedOnceAtThePlansScale() {
        // given: 3% of 0.50 is 0.015 on every line
        RateComponent base = new RateComponent("base", new BigDecimal("0.03"), Map.of(), Optional.empty());
        List<Credit> credits = List.of(credit("T1", "0.50"), credit("T2", "0.50"), credit("T3", "0.50"));

        // when
        Statement statement = PlanCalculator.calculate(plan(base), credits, null);

        // then: each 0.015 rounds half_up to 0.02, so 0.06, not round(0.045) = 0.05
        assertThat(statement.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("0.02", "0.02", "0.02");
        assertThat(statement.total().toPlainString()).isEqualTo("0.06");
    }

    @Test
    void theComponentCapComesBeforeThePlanCap() {
        // given: base earns 1,000.00 capped at 600.00; bonus earns 500.00; the plan cap is 1,000.00
        RateComponent base = new RateComponent("base", new BigDecimal("0.10"), Map.of(),
                Optional.of(new BigDecimal("600.00")));
        RateComponent bonus = new RateComponent("bonus", new BigDecimal("0.05"), Map.of(), Optional.empty());
        CapComponent cap = new CapComponent("period_cap", new BigDecimal("1000.00"), List.of());

        // when
        Statement statement = PlanCalculator.calculate(plan(base, bonus, cap), List.of(credit("T1", "10000.00")), null);

        // then: 1,000 - 400 = 600 for base; 600 + 500 = 1,100 > 1,000, so 100 more comes off
        assertThat(statement.lines()).extracting(PayoutLine::component, l -> l.amount().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base", "1000.00"),
                org.assertj.core.groups.Tuple.tuple("bonus", "500.00"),
                org.assertj.core.groups.Tuple.tuple("base", "-400.00"),
                org.assertj.core.groups.Tuple.tuple("period_cap", "-100.00"));
        assertThat(statement.total()).isEqualByComparingTo("1000.00");
    }

    @Test
    void anAttainmentComponentNeedsAQuota() {
        // given
        AttainmentComponent attainment = new AttainmentComponent("attainment", new BigDecimal("0.05"),
                TierMode.MARGINAL, List.of(new AttainmentBand(BigDecimal.ZERO, null, BigDecimal.ONE)), Optional.empty());

        // then
        assertThatThrownBy(() -> PlanCalculator.calculate(plan(attainment), List.of(credit("T1", "1.00")), null))
                .hasMessage("component attainment pays by quota attainment, so the quota must be above 0, cannot be: null");
    }

    static CommissionPlan plan(Component... components) {
        return new CommissionPlan("test-plan", 1, LocalDate.of(2026, 1, 1), null, Basis.INVOICE, "CNY",
                new Rounding(2, RoundingMode.HALF_UP), List.of(components));
    }

    static Credit credit(String id, String amount) {
        return new Credit(id, new BigDecimal(amount), "resins");
    }
}
