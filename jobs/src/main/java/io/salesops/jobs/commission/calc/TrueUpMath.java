package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.NegativeTrueUp;
import io.salesops.jobs.commission.plan.Rounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Year-to-date true-up of a quota_attainment component over one year's periods, in order: in
 * each period the component's bands are applied to the year-to-date credited amount against the
 * year-to-date quota (Σ of the periods' quotas), each line rounded once by {@link RoundingStep};
 * then a line subtracts what the earlier periods already paid. Earlier payouts are rounded
 * amounts, so the subtraction is exact. Over the year the periods pay exactly what the whole
 * year's amount earns against the whole year's quota: a slow start is caught up when attainment
 * recovers. Pure: the caller supplies each period's credited amount and (ramped) quota.
 *
 * <p>The component's {@code cap} limits what one period pays (the year to date less what was
 * paid before), with a reduction line like every other cap. What it withholds was not paid, so
 * the next period's "paid before" is smaller and the year to date pays it then, as far as that
 * period's cap leaves room; what is still withheld after the year's last period is not paid.
 * Why not forfeit it at once, as the cap of a component paid period by period does: the true-up
 * subtracts what was paid, and a forfeited amount would have to be remembered apart from it;
 * finance reads "less X paid in earlier periods" and can check X against the statements.
 *
 * <p>With {@code negative_true_up: carry_forward} a period whose year to date earns less than was
 * paid before pays 0 instead of the negative difference, with a line saying so. Nothing else needs
 * remembering: "paid before" is still what was paid, so the next periods pay only what the year to
 * date earns above it, and over the year the component pays the highest year to date reached.
 */
public final class TrueUpMath {

    private TrueUpMath() {
    }

    public static List<TrueUpPeriod> yearToDate(AttainmentComponent component, List<QuotaPeriod> periods,
            Rounding rounding) {
        List<TrueUpPeriod> result = new ArrayList<>();
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal quota = BigDecimal.ZERO;
        BigDecimal paidBefore = BigDecimal.ZERO;
        for (QuotaPeriod period : periods) {
            credited = credited.add(period.credited());
            quota = quota.add(period.quota());
            TrueUpPeriod paid = period(component, period.period(), credited, quota,
                    result.isEmpty() ? Optional.empty() : Optional.of(paidBefore), rounding);
            result.add(paid);
            paidBefore = paidBefore.add(paid.total()).setScale(rounding.scale());
        }
        return result;
    }

    /**
     * One period of the true-up: the bands on the year to date, less what the year's earlier periods
     * paid, limited by the component's cap.
     *
     * @param creditedToDate the year's credited amount up to and including this period
     * @param quotaToDate    the year's (ramped) quotas up to and including this period
     * @param paidBefore     what the year's earlier periods paid of this component; empty in the
     *                       year's first period, which has nothing to subtract
     */
    public static TrueUpPeriod period(AttainmentComponent component, String period, BigDecimal creditedToDate,
            BigDecimal quotaToDate, Optional<BigDecimal> paidBefore, Rounding rounding) {
        int scale = rounding.scale();
        List<PayoutLine> lines = new ArrayList<>(RoundingStep.round(ComponentMath.attainment(component,
                creditedToDate, new QuotaRamp.RampedQuota(quotaToDate, "year-to-date quota "
                        + Explanations.money(quotaToDate, scale)), "year to date: ", scale), rounding));
        BigDecimal earnedToDate = lines.stream().map(PayoutLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal before = paidBefore.orElse(BigDecimal.ZERO);
        paidBefore.ifPresent(paid -> lines.add(new PayoutLine(component.id(), "", 0, paid, Optional.empty(),
                paid.negate(), "year to date " + Explanations.money(earnedToDate, scale) + " less "
                        + Explanations.money(paid, scale) + " paid in earlier periods of the year")));
        BigDecimal behind = earnedToDate.subtract(before);
        boolean yearEnds = period.endsWith("-12");
        boolean carriedForward = behind.signum() < 0 && component.negative() == NegativeTrueUp.CARRY_FORWARD;
        if (carriedForward) {
            lines.add(notTakenBack(component.id(), earnedToDate, before, yearEnds, scale));
        }
        BigDecimal due = carriedForward ? BigDecimal.ZERO.setScale(scale) : behind;
        BigDecimal paid = component.cap().filter(cap -> due.compareTo(cap) > 0).orElse(due);
        if (paid.compareTo(due) != 0) {
            lines.add(capped(component.id(), paid, due, yearEnds, scale));
        }
        return new TrueUpPeriod(period, lines);
    }

    /**
     * The line that keeps a period from taking back what earlier periods paid above the year to
     * date ({@code negative_true_up: carry_forward}): rate-less, base the negative difference, amount
     * its opposite, so the period pays 0.
     */
    private static PayoutLine notTakenBack(String component, BigDecimal earnedToDate, BigDecimal paidBefore,
                                           boolean yearEnds, int scale) {
        BigDecimal behind = earnedToDate.subtract(paidBefore);
        return new PayoutLine(component, "", 0, behind, Optional.empty(), behind.negate(), "year to date "
                + Explanations.money(earnedToDate, scale) + " is " + Explanations.money(behind.negate(), scale)
                + " below the " + Explanations.money(paidBefore, scale) + " paid in earlier periods: not taken back"
                + " (negative_true_up: carry_forward), " + (yearEnds ? "and the year ends with this period"
                : "later periods of the year pay only what the year to date earns above "
                + Explanations.money(paidBefore, scale)));
    }

    /** The cap's reduction line: rate-less, like every cap's, saying whether the year can still pay it. */
    private static PayoutLine capped(String component, BigDecimal cap, BigDecimal due, boolean yearEnds, int scale) {
        BigDecimal reduction = cap.subtract(due);
        return new PayoutLine(component, "", 0, due, Optional.empty(), reduction, "cap "
                + Explanations.money(cap, scale) + " on " + Explanations.money(due, scale) + " due this period:"
                + " reduced by " + Explanations.money(reduction.negate(), scale) + (yearEnds
                ? ", not paid: the year ends with this period"
                : ", due again in later periods of the year as far as their cap leaves room"));
    }
}
