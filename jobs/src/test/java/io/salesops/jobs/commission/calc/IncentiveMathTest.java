package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.commission.plan.Basis;
import io.salesops.jobs.commission.plan.Bonus;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.Component;
import io.salesops.jobs.commission.plan.DrawComponent;
import io.salesops.jobs.commission.plan.DrawType;
import io.salesops.jobs.commission.plan.MarginComponent;
import io.salesops.jobs.commission.plan.QuantityUnit;
import io.salesops.jobs.commission.plan.Rounding;
import io.salesops.jobs.commission.plan.SpifComponent;
import io.salesops.jobs.commission.plan.VolumeComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-credit incentive kinds and the draw on literal values: the errors a credit missing a
 * detail raises, and draw settlement; the golden cases cover the happy paths from YAML.
 */
class IncentiveMathTest {

    private static final VolumeComponent PER_KG = new VolumeComponent("volume", new BigDecimal("0.35"),
            QuantityUnit.KG, Optional.empty());

    @Test
    void aVolumeCreditInAnotherUnitNamesTheTransaction() {
        // given
        Credit inTonnes = credit("INV-7", "1000.00").withQuantity(new BigDecimal("2"), QuantityUnit.T);

        // then
        assertThatThrownBy(() -> PlanCalculator.calculate(plan(PER_KG), List.of(inTonnes), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component volume pays per kg, but transaction INV-7 has its quantity in t: convert it"
                        + " when crediting");
    }

    @Test
    void aVolumeCreditWithoutQuantityNamesTheTransaction() {
        assertThatThrownBy(() -> PlanCalculator.calculate(plan(PER_KG), List.of(credit("INV-8", "1000.00")), null))
                .hasMessage("component volume pays per kg, so transaction INV-8 needs a quantity in kg");
    }

    @Test
    void aMarginCreditWithoutCostNamesTheTransaction() {
        MarginComponent margin = new MarginComponent("margin", new BigDecimal("0.1"), Optional.empty());

        assertThatThrownBy(() -> PlanCalculator.calculate(plan(margin), List.of(credit("INV-9", "1000.00")), null))
                .hasMessage("component margin pays on gross margin, so transaction INV-9 needs a cost");
    }

    @Test
    void aClawbackReversesItsMarginWhileASaleBelowCostPaysNothing() {
        MarginComponent margin = new MarginComponent("margin", new BigDecimal("0.1"), Optional.empty());
        Credit returned = credit("XSTH-1", "-1000.00").withCost(new BigDecimal("-600.00"));
        Credit belowCost = credit("INV-2", "500.00").withCost(new BigDecimal("700.00"));

        // margin of the return: -1,000.00 - (-600.00) = -400.00, x 10% = -40.00; the sale below cost: 0.00
        assertThat(PlanCalculator.calculate(plan(margin), List.of(returned, belowCost), null).lines())
                .extracting(l -> l.source() + " " + l.amount()).containsExactly("XSTH-1 -40.00", "INV-2 0.00");
        assertThatThrownBy(() -> credit("INV-3", "100.00").withCost(new BigDecimal("-1.00")))
                .hasMessage("credit cost must be at least 0, cannot be: -1.00 (transaction INV-3)");
    }

    @Test
    void aSpifCreditWithoutDateNamesTheTransactionButOthersNeedNone() {
        // given
        SpifComponent spif = new SpifComponent("spif", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), null,
                "SPRING26", Bonus.fixed(new BigDecimal("200.00")), Optional.empty());
        Credit otherCampaign = credit("INV-1", "1000.00").withCampaign("AUTUMN");
        Credit undated = credit("INV-2", "1000.00").withCampaign("SPRING26");

        // then: a credit outside the campaign needs no date; one inside it does
        assertThat(PlanCalculator.calculate(plan(spif), List.of(otherCampaign), null).lines()).isEmpty();
        assertThatThrownBy(() -> PlanCalculator.calculate(plan(spif), List.of(undated), null))
                .hasMessage("component spif is time-boxed, so transaction INV-2 needs a date");
    }

    @Test
    void aRecoverableDrawCarriesItsBalanceUntilEarningsAboveTheDrawRepayIt() {
        // given: draw 1,000; earned 400, 1,300, 1,500
        DrawComponent draw = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE);
        List<PeriodEarnings> periods = List.of(earned("2026-01", "400.00"), earned("2026-02", "1300.00"),
                earned("2026-03", "1500.00"));

        // when
        List<DrawSettlement> settled = DrawMath.settle(draw, periods, BigDecimal.ZERO, 2);

        // then: 01 pays 1,000 and owes 600; 02 pays max(1,000, 1,300 − 600 = 700) = 1,000 and owes 300;
        // 03 pays max(1,000, 1,500 − 300 = 1,200) = 1,200 and owes 0
        assertThat(settled).extracting(s -> s.payable().toPlainString()).containsExactly("1000.00", "1000.00", "1200.00");
        assertThat(settled).extracting(s -> s.closingBalance().toPlainString()).containsExactly("600.00", "300.00", "0.00");
        assertThat(settled).extracting(s -> s.adjustment().toPlainString()).containsExactly("600.00", "-300.00", "-300.00");
    }

    @Test
    void aNonRecoverableDrawForTheFirstMonthsGuaranteesThemAndThenPaysWhatWasEarned() {
        // given: a guarantee of 1,000 in the first two months of employment; hired 2026-01-31
        DrawComponent draw = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.NON_RECOVERABLE,
                java.util.Optional.of(2));
        List<PeriodEarnings> periods = List.of(earned("2026-01", "400.00"), earned("2026-02", "1300.00"),
                earned("2026-03", "400.00"), earned("2026-04", "-50.00"));

        // when
        List<DrawSettlement> settled = DrawMath.settle(draw, periods, BigDecimal.ZERO,
                new Employment(LocalDate.of(2026, 1, 31), null), 2);

        // then: months 1 and 2 pay max(1,000, earned); months 3 and 4 pay what was earned, a clawback too
        assertThat(settled).extracting(s -> s.payable().toPlainString())
                .containsExactly("1000.00", "1300.00", "400.00", "-50.00");
        assertThat(settled.get(2).explanation()).isEqualTo("non-recoverable draw 1,000.00 ended after month 2 of"
                + " employment: earned 400.00, payable 400.00; nothing carried");
    }

    @Test
    void aRecoverableDrawAfterItsMonthsAddsANegativePeriodToTheBalanceOwed() {
        DrawComponent draw = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE,
                java.util.Optional.of(1));

        List<DrawSettlement> settled = DrawMath.settle(draw, List.of(earned("2026-03", "400.00"),
                earned("2026-04", "-100.00")), BigDecimal.ZERO,
                new Employment(LocalDate.of(2026, 3, 2), null), 2);

        // month 1: pays 1,000, owes 600; month 2: no draw, earned −100 pays 0 and owes 700
        assertThat(settled).extracting(s -> s.payable().toPlainString()).containsExactly("1000.00", "0.00");
        assertThat(settled).extracting(s -> s.closingBalance().toPlainString()).containsExactly("600.00", "700.00");
        assertThat(settled.get(1).explanation()).isEqualTo("recoverable draw 1,000.00 ended after month 1 of"
                + " employment: earned -100.00, owes 100.00 more, payable 0.00; balance owed 600.00 → 700.00");
    }

    @Test
    void aDrawForTheFirstMonthsNeedsTheHireDateAndAPeriodAfterIt() {
        DrawComponent draw = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE,
                java.util.Optional.of(3));

        assertThatThrownBy(() -> DrawMath.settle(draw, List.of(earned("2026-01", "0.00")), BigDecimal.ZERO, 2))
                .hasMessage("draw draw is paid in the first 3 months of employment, so the rep's hire date is required");
        assertThatThrownBy(() -> DrawMath.settle(draw, List.of(earned("2026-01", "0.00")), BigDecimal.ZERO,
                new Employment(LocalDate.of(2026, 2, 1), null), 2))
                .hasMessage("draw draw is paid in the first 3 months from the hire date 2026-02-01, so it cannot settle a"
                        + " period before it: 2026-01");
        assertThatThrownBy(() -> new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE,
                java.util.Optional.of(0)))
                .hasMessage("draw draw months must be a whole number from 1 to 120, cannot be: 0");
    }

    @Test
    void aBalanceForgivenAtTerminationIsWrittenOffInTheLeavingMonthAndACarriedOneStaysOwed() {
        // given: draw 1,000; earned 400 in January, 300 in February; the rep leaves on 2026-02-10
        List<PeriodEarnings> periods = List.of(earned("2026-01", "400.00"), earned("2026-02", "300.00"));
        Employment leaver = new Employment(LocalDate.of(2025, 5, 1), LocalDate.of(2026, 2, 10));
        DrawComponent forgiving = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE,
                java.util.Optional.empty(), io.salesops.jobs.commission.plan.DrawAtTermination.FORGIVE);
        DrawComponent carrying = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE);

        // when
        List<DrawSettlement> forgiven = DrawMath.settle(forgiving, periods, BigDecimal.ZERO, leaver, 2);
        List<DrawSettlement> carried = DrawMath.settle(carrying, periods, BigDecimal.ZERO, leaver, 2);

        // then: both pay 1,000 twice (owing 600, then 1,300); forgiving writes the 1,300 off in February
        assertThat(forgiven).extracting(s -> s.payable().toPlainString()).containsExactly("1000.00", "1000.00");
        assertThat(forgiven).extracting(s -> s.closingBalance().toPlainString()).containsExactly("600.00", "0.00");
        assertThat(forgiven).extracting(s -> s.forgiven().toPlainString()).containsExactly("0.00", "1300.00");
        assertThat(forgiven.get(1).explanation()).endsWith("balance owed 600.00 → 1,300.00, forgiven → 0.00: the rep"
                + " left on 2026-02-10");
        assertThat(carried).extracting(s -> s.closingBalance().toPlainString()).containsExactly("600.00", "1300.00");
        assertThat(carried).extracting(s -> s.forgiven().toPlainString()).containsExactly("0.00", "0.00");
        assertThatThrownBy(() -> new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.NON_RECOVERABLE,
                java.util.Optional.empty(), io.salesops.jobs.commission.plan.DrawAtTermination.FORGIVE))
                .hasMessage("draw draw: only a recoverable draw carries a balance to forgive, cannot be: forgive on"
                        + " a non_recoverable draw");
    }

    @Test
    void noDrawIsPaidAfterTheMonthTheRepLeftAndACarriedBalanceIsRecoveredFromWhatTheyStillEarn() {
        // given: a leaver (2026-01-20) who still earns in February and March, e.g. a manager's team credits
        DrawComponent draw = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.RECOVERABLE);
        List<PeriodEarnings> periods = List.of(earned("2026-01", "400.00"), earned("2026-02", "250.00"),
                earned("2026-03", "500.00"));

        // when
        List<DrawSettlement> settled = DrawMath.settle(draw, periods, BigDecimal.ZERO,
                new Employment(LocalDate.of(2025, 5, 1), LocalDate.of(2026, 1, 20)), 2);

        // then: January advances 600; February pays nothing and recovers its 250 (owes 350); March
        // recovers the last 350 and pays 150
        assertThat(settled).extracting(s -> s.payable().toPlainString()).containsExactly("1000.00", "0.00", "150.00");
        assertThat(settled).extracting(s -> s.closingBalance().toPlainString()).containsExactly("600.00", "350.00",
                "0.00");
        assertThat(settled.get(1).explanation()).isEqualTo("recoverable draw 1,000.00 ended when the rep left on"
                + " 2026-01-20: earned 250.00, recovered 250.00, payable 0.00; balance owed 600.00 → 350.00");
    }

    @Test
    void aNonRecoverableDrawStartsFromNoBalance() {
        DrawComponent draw = new DrawComponent("draw", new BigDecimal("1000.00"), DrawType.NON_RECOVERABLE);

        assertThatThrownBy(() -> DrawMath.settle(draw, List.of(earned("2026-01", "0")), new BigDecimal("5.00"), 2))
                .hasMessage("draw draw opening balance must be at least 0 (and 0 for a non-recoverable draw), cannot"
                        + " be: 5.00");
    }

    static PeriodEarnings earned(String period, String amount) {
        return new PeriodEarnings(period, new BigDecimal(amount));
    }

    private static Credit credit(String id, String amount) {
        return new Credit(id, new BigDecimal(amount), "pigments");
    }

    private static CommissionPlan plan(Component component) {
        return new CommissionPlan("incentives", 1, LocalDate.of(2026, 1, 1), null, Basis.CASH, "CNY",
                new Rounding(2, RoundingMode.HALF_UP), List.of(component));
    }
}
