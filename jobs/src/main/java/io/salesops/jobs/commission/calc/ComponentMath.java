package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.AttainmentBand;
import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.EarningComponent;
import io.salesops.jobs.commission.plan.ManagerOverrideComponent;
import io.salesops.jobs.commission.plan.MarginComponent;
import io.salesops.jobs.commission.plan.NewCustomerBonusComponent;
import io.salesops.jobs.commission.plan.RateComponent;
import io.salesops.jobs.commission.plan.SpifComponent;
import io.salesops.jobs.commission.plan.Tier;
import io.salesops.jobs.commission.plan.TieredComponent;
import io.salesops.jobs.commission.plan.TrueUp;
import io.salesops.jobs.commission.plan.VolumeComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact lines one earning component produces for a rep's period: the rate component one line
 * per credited transaction, the incentive kinds one per qualifying transaction ({@link IncentiveMath}), tiered and attainment components one line per tier or band reached on
 * the period's total credited amount (attainment on the ramped quota, {@link QuotaRamp}), a manager
 * override one line per team credit. A year-to-date true-up component makes no lines here: its
 * lines come from {@link TrueUpMath} over the year's periods. Pure and exact; rounding happens later, once.
 */
final class ComponentMath {

    private ComponentMath() {
    }

    static List<ExactLine> lines(EarningComponent component, CommissionPlan plan, PeriodInput input) {
        int scale = plan.rounding().scale();
        List<Credit> credits = input.credits();
        // Java 17 has no pattern switch; a new kind without a branch here fails loudly, not silently
        if (component instanceof AttainmentComponent attainment && attainment.trueUp() == TrueUp.YEAR_TO_DATE) {
            return List.of();
        } else if (component instanceof AttainmentComponent attainment) {
            if (total(credits).signum() == 0) {
                return List.of(); // nothing credited pays nothing, with or without a quota for the period
            }
            QuotaRamp.RampedQuota quota = QuotaRamp.quota(attainment.id(), plan.rampFor(attainment), input.quota(),
                    input.hireDate(), input.period(), scale);
            return attainment(attainment, total(credits), quota, "", scale);
        } else if (component instanceof ManagerOverrideComponent override) {
            return managerOverride(override, input.team(), scale);
        } else if (component instanceof RateComponent rate) {
            return rate(rate, credits, scale);
        } else if (component instanceof TieredComponent tiered) {
            return tiered(tiered, total(credits), scale);
        } else if (component instanceof NewCustomerBonusComponent bonus) {
            return IncentiveMath.newCustomerBonus(bonus, credits, scale);
        } else if (component instanceof MarginComponent margin) {
            return IncentiveMath.margin(margin, credits, scale);
        } else if (component instanceof VolumeComponent volume) {
            return IncentiveMath.volume(volume, credits, scale);
        } else if (component instanceof SpifComponent spif) {
            return IncentiveMath.spif(spif, credits, scale);
        }
        throw new IllegalStateException("no calculation for component kind " + component.getClass().getSimpleName());
    }

    static BigDecimal total(List<Credit> credits) {
        return credits.stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<ExactLine> rate(RateComponent component, List<Credit> credits, int scale) {
        List<ExactLine> lines = new ArrayList<>();
        for (Credit credit : credits) {
            BigDecimal multiplier = component.multiplierFor(credit.category());
            BigDecimal rate = component.rate().multiply(multiplier);
            String text = Explanations.money(credit.amount(), scale) + " × " + Explanations.percent(component.rate())
                    + (multiplier.compareTo(BigDecimal.ONE) == 0 ? ""
                            : " × " + Explanations.plain(multiplier) + " (category " + credit.category() + ")");
            lines.add(new ExactLine(component.id(), credit.transactionId(), 0, credit.amount(), rate,
                    credit.amount().multiply(rate), text));
        }
        return lines;
    }

    private static List<ExactLine> tiered(TieredComponent component, BigDecimal total, int scale) {
        if (total.signum() < 0) {
            return List.of(reversal(component.id(), total, component.tiers().get(0).rate(), "tier 1", scale));
        }
        return TierMath.slices(component.tiers(), component.mode(), total).stream().map(slice -> new ExactLine(
                component.id(), "", slice.number(), slice.base(), slice.rate(), slice.amount(),
                Explanations.money(slice.base(), scale) + " × " + Explanations.percent(slice.rate()) + " (tier "
                        + slice.number() + ": " + Explanations.range(slice.tier()) + ", "
                        + Explanations.mode(component.mode()) + ")")).toList();
    }

    private static List<ExactLine> managerOverride(ManagerOverrideComponent component, List<TeamCredit> team,
            int scale) {
        if (team == null) {
            throw new IllegalArgumentException("component " + component.id() + " pays an override on the team's"
                    + " credits, so the team's credits are required (an empty list for a manager without a team)");
        }
        return team.stream().filter(member -> member.level() <= component.levels())
                .map(member -> {
                    BigDecimal rate = component.rate(member.level());
                    return new ExactLine(component.id(), member.credit().transactionId(), 0, member.credit().amount(),
                            rate, member.credit().amount().multiply(rate), Explanations.money(member.credit().amount(),
                            scale) + " × " + Explanations.percent(rate) + " (override on team member "
                            + member.repId() + "'s credit" + (member.level() > 1 ? ", " + member.level()
                            + " levels down" : "") + ")");
                }).toList();
    }

    /**
     * @param quota  the quota to use (ramped or full) and the sentence saying how it was ramped
     * @param prefix put before each explanation, e.g. "year to date: "
     */
    static List<ExactLine> attainment(AttainmentComponent component, BigDecimal total, QuotaRamp.RampedQuota quota,
            String prefix, int scale) {
        List<Tier> tiers = AttainmentMath.amountTiers(component, quota.quota());
        if (total.signum() < 0) {
            return List.of(reversal(component.id(), total, tiers.get(0).rate(), "band 1", scale));
        }
        String quotaText = quota.note().isEmpty() ? "quota " + Explanations.money(quota.quota(), scale) : quota.note();
        return TierMath.slices(tiers, component.mode(), total).stream().map(slice -> {
            AttainmentBand band = component.bands().get(slice.number() - 1);
            String range = band.to() == null ? "from " + Explanations.percent(band.from())
                    : Explanations.percent(band.from()) + "–" + Explanations.percent(band.to());
            return new ExactLine(component.id(), "", slice.number(), slice.base(), slice.rate(), slice.amount(),
                    prefix + Explanations.money(slice.base(), scale) + " × " + Explanations.percent(component.rate())
                            + " × " + Explanations.plain(band.multiplier()) + " (band " + slice.number()
                            + ": attainment " + range + " of " + quotaText + ", "
                            + Explanations.mode(component.mode()) + ")");
        }).toList();
    }

    /**
     * Clawbacks can outweigh a period's new credits. A negative total reaches no tier; it is
     * reversed at the lowest tier's rate, the rate at which the first credited yuan of any period
     * earns; the next period with positive credits pays its tiers from zero again.
     */
    private static ExactLine reversal(String component, BigDecimal total, BigDecimal rate, String lowest, int scale) {
        return new ExactLine(component, "", 1, total, rate, total.multiply(rate), Explanations.money(total, scale)
                + " × " + Explanations.percent(rate) + " (" + lowest
                + " rate: the period's clawbacks exceed its credits)");
    }
}
