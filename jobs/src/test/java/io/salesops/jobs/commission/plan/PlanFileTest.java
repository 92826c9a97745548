package io.salesops.jobs.commission.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plan files under src/test/resources/commission/plans, each broken file named after what it breaks. */
class PlanFileTest {

    static final Path PLANS = Path.of("src/test/resources/commission/plans");

    @Test
    void theCompleteExampleLoadsIntoTheModel() {
        // when
        CommissionPlan plan = PlanFile.load(PLANS.resolve("complete-example.yaml"));

        // then
        assertThat(plan.id()).isEqualTo("sales-rep-standard");
        assertThat(plan.version()).isEqualTo(3);
        assertThat(plan.basis()).isEqualTo(Basis.CASH);
        assertThat(plan.rounding()).isEqualTo(new Rounding(2, RoundingMode.HALF_UP));
        assertThat(plan.isEffectiveOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(plan.isEffectiveOn(LocalDate.of(2027, 1, 1))).as("effective_to is excluded").isFalse();
        assertThat(plan.isEffectiveOn(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(plan.components()).extracting(Component::id)
                .containsExactly("base", "volume", "attainment", "period_cap");
        RateComponent base = (RateComponent) plan.components().get(0);
        assertThat(base.rate()).isEqualByComparingTo("0.02");
        assertThat(base.categoryMultipliers()).containsOnlyKeys("pigments", "solvents");
        assertThat(base.multiplierFor("resins")).isEqualByComparingTo("1");
        assertThat(base.cap()).contains(new BigDecimal("50000.00"));
        TieredComponent volume = (TieredComponent) plan.components().get(1);
        assertThat(volume.mode()).isEqualTo(TierMode.MARGINAL);
        assertThat(volume.tiers()).containsExactly(
                new Tier(new BigDecimal("0"), new BigDecimal("100000"), new BigDecimal("0.005")),
                new Tier(new BigDecimal("100000"), new BigDecimal("500000"), new BigDecimal("0.01")),
                new Tier(new BigDecimal("500000"), null, new BigDecimal("0.015")));
        AttainmentComponent attainment = (AttainmentComponent) plan.components().get(2);
        assertThat(attainment.mode()).isEqualTo(TierMode.RETRO);
        assertThat(attainment.bands().get(2).from()).isEqualByComparingTo("1");
        assertThat(attainment.bands().get(2).multiplier()).isEqualByComparingTo("1.5");
        assertThat(plan.components().get(3)).isEqualTo(new CapComponent("period_cap", new BigDecimal("80000.00"),
                List.of("base", "volume")));
    }

    @Test
    void overlappingTiersNameTheBoundThatGoesBackwards() {
        assertThat(problems("tiers-overlap.yaml")).containsExactly(
                "tiers-overlap.yaml line 14, key components.volume.tiers[3].from: tier bounds must increase:"
                        + " 500000 after 800000");
    }

    @Test
    void tiersMustStartAtZeroLeaveNoGapAndOnlyTheLastMayBeOpen() {
        assertThat(problems("tiers-start-gap-open.yaml")).containsExactly(
                "tiers-start-gap-open.yaml line 12, key components.volume.tiers[1].from: tier bounds must start at 0,"
                        + " cannot start at: 1000",
                "tiers-start-gap-open.yaml line 13, key components.volume.tiers[2].from: tier bounds must leave no gap:"
                        + " 120000 after 100000",
                "tiers-start-gap-open.yaml line 13, key components.volume.tiers[2].to: only the last tier may be"
                        + " open-ended (no to)",
                "tiers-start-gap-open.yaml line 15, key components.volume.tiers[3].to: tier bounds must increase:"
                        + " 400000 after 500000");
    }

    @Test
    void attainmentBandsFollowTheSameRulesInTheAuthorsPercentages() {
        assertThat(problems("bands-decrease.yaml")).containsExactly(
                "bands-decrease.yaml line 14, key components.attainment.bands[2].to: band bounds must increase:"
                        + " 40% after 50%");
    }

    @Test
    void everyBadValueIsReportedInFileOrder() {
        assertThat(problems("bad-values.yaml")).containsExactly(
                "bad-values.yaml line 2, key version: must be a whole number from 1 to 2147483647, cannot be: 0",
                "bad-values.yaml line 4, key effective_to: must be after effective_from 2026-07-01 (the plan applies"
                        + " up to, not including, effective_to), cannot be: 2026-01-01",
                "bad-values.yaml line 5, key basis: must be one of booking, invoice, cash, cannot be: shipment",
                "bad-values.yaml line 6, key currency: must be a three-letter ISO 4217 code like CNY, cannot be: cny",
                "bad-values.yaml line 7, key rounding.scale: must be a whole number from 0 to 6, cannot be: 9",
                "bad-values.yaml line 7, key rounding.mode: must be one of up, down, ceiling, floor, half_up,"
                        + " half_down, half_even, cannot be: bankers",
                "bad-values.yaml line 8, key owner: is not a known key; allowed are basis, components, currency,"
                        + " effective_from, effective_to, id, ramp, rounding, version",
                "bad-values.yaml line 12, key components.base.rate: must be a number like 0.03 or a percentage like"
                        + " 3%, cannot be: three percent",
                "bad-values.yaml line 13, key components.base.category_multipliers.pigments: must be at least 0,"
                        + " cannot be: -1.5",
                "bad-values.yaml line 14, key components.base.id: must be unique; the component on line 10 has it too",
                "bad-values.yaml line 15, key components.base.kind: must be one of rate, tiered, quota_attainment,"
                        + " new_customer_bonus, margin, volume, spif, manager_override, cap, draw, cannot be: spiff",
                "bad-values.yaml line 18, key components.volume.mode: must be one of marginal, retro, cannot be: whole",
                "bad-values.yaml line 20, key components.volume.tiers[1].upto: is not a known key; allowed are from,"
                        + " rate, to",
                "bad-values.yaml line 23, key components.period_cap.amount: must be above 0, cannot be: 0",
                "bad-values.yaml line 24, key components.period_cap.applies_to: names no component of this plan:"
                        + " bonus; earning components are base, volume");
    }

    @Test
    void missingKeysAreReportedWhereTheyBelong() {
        assertThat(problems("missing-keys.yaml")).containsExactly(
                "missing-keys.yaml line 1, key id: is required: the plan's name, e.g. sales-rep-standard",
                "missing-keys.yaml line 1, key rounding: is required: {scale: 2, mode: half_up}",
                "missing-keys.yaml line 6, key components[1].id: is required: a unique name shown on every payout line",
                "missing-keys.yaml line 8, key components.volume.mode: is required: marginal (each slice at its tier's"
                        + " rate) or retro (the reached tier's rate on the whole amount)",
                "missing-keys.yaml line 10, key components.volume.tiers: needs at least one tier",
                "missing-keys.yaml line 11, key components.booster.kind: is required: one of rate, tiered,"
                        + " quota_attainment, new_customer_bonus, margin, volume, spif, manager_override, cap, draw");
    }

    @Test
    void capsMatchTheRoundingScaleNameEarningComponentsAndThereIsOnlyOnePlanCap() {
        assertThat(problems("cap-rules.yaml")).containsExactly(
                "cap-rules.yaml line 11, key components.base.cap: must have at most 2 decimals (rounding.scale),"
                        + " cannot be: 100.005",
                "cap-rules.yaml line 15, key components.first_cap.applies_to: must name earning components, not a"
                        + " cap: second_cap; earning components are base",
                "cap-rules.yaml line 16, key components.second_cap: a plan has at most one cap component; limit a"
                        + " single component with its own cap key");
    }

    @Test
    void theNewKindsLoadIntoTheModel() {
        // when
        CommissionPlan plan = PlanFile.load(PLANS.resolve("new-kinds-example.yaml"));

        // then
        assertThat(plan.components()).containsExactly(
                new NewCustomerBonusComponent("welcome", Bonus.fixed(new BigDecimal("500.00")), Optional.empty()),
                new MarginComponent("margin", new BigDecimal("0.08"), Optional.of(new BigDecimal("20000.00"))),
                new VolumeComponent("volume", new BigDecimal("0.035"), QuantityUnit.KG, Optional.empty()),
                new SpifComponent("spring", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), null, "SPRING26",
                        Bonus.ofRate(new BigDecimal("0.015")), Optional.empty()),
                new DrawComponent("draw", new BigDecimal("3000.00"), DrawType.NON_RECOVERABLE));
        assertThat(plan.draw()).map(DrawComponent::id).contains("draw");
        SpifComponent spring = (SpifComponent) plan.components().get(3);
        assertThat(spring.runsOn(LocalDate.of(2026, 3, 1))).as("from is included").isTrue();
        assertThat(spring.runsOn(LocalDate.of(2026, 4, 1))).as("to is not included").isFalse();
    }

    @Test
    void theNewKindsStateTheirRulesWithLineAndKey() {
        assertThat(problems("new-kinds-rules.yaml")).containsExactly(
                "new-kinds-rules.yaml line 11, key components.welcome.rate: give either amount or rate, not both",
                "new-kinds-rules.yaml line 12, key components.welcome_rate.amount: is required unless rate is given:"
                        + " a fixed amount per credit for a new customer, e.g. 500.00, or a rate of its credited"
                        + " amount, e.g. 2%",
                "new-kinds-rules.yaml line 14, key components.margin.rate: is required: the share of the gross margin"
                        + " (credited amount − cost) paid, e.g. 10%",
                "new-kinds-rules.yaml line 19, key components.volume.rate_per_unit: must be at least 0, cannot be:"
                        + " -0.5",
                "new-kinds-rules.yaml line 20, key components.volume.unit: must be one of kg, t, cannot be: lb",
                "new-kinds-rules.yaml line 24, key components.spring.to: must be after from 2026-04-01 (the spif runs"
                        + " up to, not including, to), cannot be: 2026-03-01",
                "new-kinds-rules.yaml line 26, key components.spring.campaign: give either category or campaign,"
                        + " not both",
                "new-kinds-rules.yaml line 27, key components.spring.amount: must have at most 2 decimals"
                        + " (rounding.scale), cannot be: 200.005",
                "new-kinds-rules.yaml line 28, key components.no_target.category: is required unless campaign is"
                        + " given: the product category or campaign the spif rewards",
                "new-kinds-rules.yaml line 35, key components.draw.amount: must have at most 2 decimals"
                        + " (rounding.scale), cannot be: 5000.001",
                "new-kinds-rules.yaml line 36, key components.draw.type: must be one of recoverable, non_recoverable,"
                        + " cannot be: forgiven",
                "new-kinds-rules.yaml line 37, key components.second_draw: a plan has at most one draw component",
                "new-kinds-rules.yaml line 44, key components.period_cap.applies_to: must name earning components,"
                        + " not a draw: draw; earning components are welcome, welcome_rate, margin, volume, spring,"
                        + " no_target");
    }

    @Test
    void newKindsBuiltInCodeAreHeldToTheSameRules() {
        assertThatThrownBy(() -> new Bonus(new BigDecimal("500.00"), new BigDecimal("0.02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bonus pays either a fixed amount or a rate, not both");
        assertThatThrownBy(() -> new SpifComponent("s", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), "pigments",
                null, Bonus.fixed(BigDecimal.TEN), Optional.empty()))
                .hasMessage("spif s to must be after from 2026-03-01, cannot be: 2026-03-01");
        assertThatThrownBy(() -> new SpifComponent("s", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), null,
                null, Bonus.fixed(BigDecimal.TEN), Optional.empty()))
                .hasMessage("spif s targets either a category or a campaign, not neither");
        assertThatThrownBy(() -> new CommissionPlan("p", 1, LocalDate.of(2026, 1, 1), null, Basis.CASH, "CNY",
                new Rounding(2, RoundingMode.HALF_UP), List.of(
                        new DrawComponent("d1", BigDecimal.TEN, DrawType.RECOVERABLE),
                        new DrawComponent("d2", BigDecimal.TEN, DrawType.NON_RECOVERABLE))))
                .hasMessage("a plan has at most one draw component");
    }

    @Test
    void rampsOverridesAndTrueUpsLoadIntoTheModel() {
        // when
        CommissionPlan plan = PlanFile.load(PLANS.resolve("ramp-override-example.yaml"));

        // then
        Ramp planRamp = new Ramp(List.of(new RampStep(1, new BigDecimal("0.25")),
                new RampStep(2, new BigDecimal("0.50")), new RampStep(3, new BigDecimal("0.75"))));
        assertThat(plan.ramp()).contains(planRamp);
        assertThat(plan.components().get(0)).isEqualTo(new ManagerOverrideComponent("team", new BigDecimal("0.01"),
                Optional.of(new BigDecimal("2000.00")), 2));
        AttainmentComponent attainment = (AttainmentComponent) plan.components().get(1);
        assertThat(attainment.trueUp()).isEqualTo(TrueUp.NONE);
        assertThat(plan.rampFor(attainment)).as("no ramp of its own: the plan's").contains(planRamp);
        AttainmentComponent yearly = (AttainmentComponent) plan.components().get(2);
        assertThat(yearly.trueUp()).isEqualTo(TrueUp.YEAR_TO_DATE);
        assertThat(plan.rampFor(yearly)).as("its own ramp replaces the plan's")
                .contains(new Ramp(List.of(new RampStep(1, new BigDecimal("0.50")))));
        assertThat(planRamp.shareIn(3)).isEqualByComparingTo("0.75");
        assertThat(planRamp.shareIn(4)).as("after the ramp: the full quota").isEqualByComparingTo("1");
    }

    @Test
    void rampsOverridesAndTrueUpsStateTheirRulesWithLineAndKey() {
        assertThat(problems("ramp-override-rules.yaml")).containsExactly(
                "ramp-override-rules.yaml line 10, key ramp[3].month: ramp months must increase: 2 after 3",
                "ramp-override-rules.yaml line 10, key ramp[3].quota: ramp quota must be above 0% and at most 100%,"
                        + " cannot be: 120%",
                "ramp-override-rules.yaml line 14, key components.team.rate: must be at least 0, cannot be: -1%",
                "ramp-override-rules.yaml line 15, key components.team_no_rate.rate: is required: the share of the"
                        + " team's credited amount paid to the manager, e.g. 1% (or rates: one per level, e.g."
                        + " [0.5%, 1%])",
                "ramp-override-rules.yaml line 17, key components.team_no_rate.levels: must be a whole number from 1"
                        + " to 10, cannot be: 11",
                "ramp-override-rules.yaml line 24, key components.attainment.ramp[1].month: must be a whole number"
                        + " from 1 to 120, cannot be: 0",
                "ramp-override-rules.yaml line 24, key components.attainment.ramp[1].quota: ramp quota must be above"
                        + " 0% and at most 100%, cannot be: 0%",
                "ramp-override-rules.yaml line 25, key components.attainment.true_up: must be one of none,"
                        + " year_to_date, cannot be: quarterly",
                "ramp-override-rules.yaml line 36, key components.period_cap.applies_to: cannot name a year-to-date"
                        + " true-up component yet (its lines come from the year's periods): yearly");
    }

    @Test
    void rampsBuiltInCodeAreHeldToTheSameRules() {
        assertThatThrownBy(() -> new Ramp(List.of(new RampStep(2, new BigDecimal("0.5")),
                new RampStep(1, new BigDecimal("0.25")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ramp months must increase: 1 after 2");
        assertThatThrownBy(() -> new Ramp(List.of(new RampStep(1, new BigDecimal("1.01")))))
                .hasMessage("ramp quota must be above 0% and at most 100%, cannot be: 101%");
        assertThatThrownBy(() -> new Ramp(List.of(new RampStep(0, new BigDecimal("0.5")))))
                .hasMessage("ramp months count from 1 (the hire month), cannot be: 0");
        assertThatThrownBy(() -> new ManagerOverrideComponent("team", new BigDecimal("-0.01"), Optional.empty()))
                .hasMessage("rate must be at least 0, cannot be: -0.01");
        assertThatThrownBy(() -> new ManagerOverrideComponent("team", new BigDecimal("0.01"), Optional.empty(), 0))
                .hasMessage("levels must be a whole number from 1 to 10, cannot be: 0");
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThat(problems("not-yaml.yaml")).containsExactly(
                "not-yaml.yaml line 4: not valid YAML: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void theExceptionMessageCarriesTheFirstProblemAndCountsTheRest() {
        assertThatThrownBy(() -> PlanFile.load(PLANS.resolve("cap-rules.yaml")))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("cap-rules.yaml line 11, key components.base.cap: must have at most 2 decimals")
                .hasMessageContaining("(and 2 more: ");
    }

    @Test
    void aPlanBuiltInCodeIsHeldToTheSameTierRule() {
        // given
        List<Tier> overlapping = List.of(new Tier(BigDecimal.ZERO, new BigDecimal("800000"), new BigDecimal("0.01")),
                new Tier(new BigDecimal("500000"), null, new BigDecimal("0.02")));

        // then
        assertThatThrownBy(() -> new TieredComponent("volume", TierMode.MARGINAL, overlapping, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tier bounds must increase: 500000 after 800000");
        assertThatThrownBy(() -> new RateComponent("base", new BigDecimal("0.02"), Map.of("x", new BigDecimal("-1")),
                Optional.empty())).hasMessage("category multiplier must be at least 0, cannot be: -1");
    }

    @Test
    void aDrawsMonthsAndWhatHappensAtTerminationAreReadAndTheirRulesNameLineAndKey() {
        CommissionPlan plan = oneComponent("draw.yaml",
                "{id: draw, kind: draw, amount: 3000.00, type: recoverable, months: 3}");

        assertThat(plan.draw()).map(DrawComponent::months).contains(java.util.Optional.of(3));
        assertThat(problems("draw-months-rules.yaml")).containsExactly("draw-months-rules.yaml line 15, key"
                + " components.draw.months: must be a whole number from 1 to 120, cannot be: 0");
        assertThat(problems("draw-termination-rules.yaml")).containsExactly("draw-termination-rules.yaml line 12,"
                + " key components.draw.at_termination: only a recoverable draw carries a balance to forgive, cannot"
                + " be: forgive on a non_recoverable draw; remove at_termination or make the draw recoverable");
    }

    @Test
    void aCampaignSpifIsAttributedByTheDealOrByTouchesAndItsRulesNameLineAndKey() {
        CommissionPlan byTouch = oneComponent("touch.yaml", "{id: expo, kind: spif, from: 2026-05-01, to: 2026-06-01,"
                + " campaign: EXPO26, attribution: touch, lookback_days: 30, touch_types: [attended, responded],"
                + " rate: 3%}");
        CommissionPlan byDefault = oneComponent("touch-default.yaml", "{id: expo, kind: spif, from: 2026-05-01,"
                + " to: 2026-06-01, campaign: EXPO26, attribution: touch, rate: 3%}");
        CommissionPlan byDeal = oneComponent("deal.yaml", "{id: expo, kind: spif, from: 2026-05-01, to: 2026-06-01,"
                + " campaign: EXPO26, rate: 3%}");

        assertThat(((SpifComponent) byTouch.components().get(0)).touch())
                .contains(new TouchAttribution(30, Set.of("attended", "responded")));
        assertThat(((SpifComponent) byDefault.components().get(0)).touch())
                .contains(new TouchAttribution(TouchAttribution.DEFAULT_LOOKBACK_DAYS, Set.of()));
        assertThat(((SpifComponent) byDeal.components().get(0)).touch()).isEmpty();
        assertThat(problems("spif-attribution-rules.yaml")).containsExactly(
                "spif-attribution-rules.yaml line 13, key components.on_category.attribution: only a spif on a campaign"
                        + " is attributed, cannot be: attribution on a spif on a category",
                "spif-attribution-rules.yaml line 20, key components.by_deal.lookback_days: applies only to"
                        + " attribution: touch; add it, or remove lookback_days",
                "spif-attribution-rules.yaml line 28, key components.too_far.lookback_days: must be a whole number"
                        + " from 0 to 3650, cannot be: 4000",
                "spif-attribution-rules.yaml line 36, key components.unknown_type.touch_types[2]: must be one of"
                        + " attended, clicked, opened, responded, visited, cannot be: liked",
                "spif-attribution-rules.yaml line 43, key components.guessed.attribution: must be one of deal, touch,"
                        + " cannot be: first_touch");
    }

    @Test
    void aTrueUpCarriesShortfallsForwardOnlyWhenToldAndTheRuleNamesLineAndKey() {
        CommissionPlan carrying = oneComponent("carrying.yaml", "{id: yearly, kind: quota_attainment, rate: 2%,"
                + " mode: retro, bands: [{from: 0%, multiplier: 1}], true_up: year_to_date,"
                + " negative_true_up: carry_forward}");
        CommissionPlan takingBack = oneComponent("taking-back.yaml", "{id: yearly, kind: quota_attainment, rate: 2%,"
                + " mode: retro, bands: [{from: 0%, multiplier: 1}], true_up: year_to_date}");

        assertThat(((AttainmentComponent) carrying.components().get(0)).negative())
                .isEqualTo(NegativeTrueUp.CARRY_FORWARD);
        assertThat(((AttainmentComponent) takingBack.components().get(0)).negative())
                .isEqualTo(NegativeTrueUp.TAKE_BACK);
        assertThat(problems("negative-true-up-rules.yaml")).containsExactly(
                "negative-true-up-rules.yaml line 13, key components.monthly.negative_true_up: only a year-to-date"
                        + " true-up can fall below what earlier periods paid, cannot be: carry_forward without true_up:"
                        + " year_to_date; remove negative_true_up or add true_up: year_to_date",
                "negative-true-up-rules.yaml line 20, key components.yearly.negative_true_up: must be one of"
                        + " take_back, carry_forward, cannot be: forget");
    }

    @Test
    void anOverrideWithARatePerLevelReachesAsFarAsItsRatesAndItsRulesNameLineAndKey() {
        CommissionPlan plan = oneComponent("by-level.yaml",
                "{id: rollup, kind: manager_override, rates: [0.5%, 1%, 0.25%], cap: 900.00}");

        ManagerOverrideComponent rollup = (ManagerOverrideComponent) plan.components().get(0);
        assertThat(rollup.levels()).isEqualTo(3);
        assertThat(rollup.rate(2)).isEqualByComparingTo("0.01");
        assertThat(rollup.cap()).contains(new BigDecimal("900.00"));
        assertThat(problems("override-rates-rules.yaml")).containsExactly(
                "override-rates-rules.yaml line 10, key components.both.rate: give either rate (with levels) or rates"
                        + " (one per level), not both",
                "override-rates-rules.yaml line 14, key components.empty.rates: must be a list of 1 to 10 rates, one"
                        + " per level from the direct reports down, e.g. [0.5%, 1%]",
                "override-rates-rules.yaml line 17, key components.negative.rates[2]: must be at least 0, cannot be:"
                        + " -1%");
        assertThatThrownBy(() -> rollup.rate(4)).hasMessage("override rollup reaches levels 1 to 3, cannot be: 4");
    }

    /** A cash plan in CNY at 2 decimals with the one component given as a YAML flow mapping. */
    private static CommissionPlan oneComponent(String file, String component) {
        return PlanFile.parse(file, """
                id: d
                version: 1
                effective_from: 2026-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - %s
                """.formatted(component));
    }

    private static List<String> problems(String file) {
        try {
            PlanFile.load(PLANS.resolve(file));
        } catch (PlanException e) {
            return e.problems();
        }
        throw new AssertionError(file + " loaded without problems");
    }
}
