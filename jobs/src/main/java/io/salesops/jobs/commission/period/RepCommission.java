package io.salesops.jobs.commission.period;

import io.salesops.jobs.commission.calc.CampaignTouch;
import io.salesops.jobs.commission.calc.Credit;
import io.salesops.jobs.commission.calc.CustomerStatus;
import io.salesops.jobs.commission.calc.DrawMath;
import io.salesops.jobs.commission.calc.DrawSettlement;
import io.salesops.jobs.commission.calc.Employment;
import io.salesops.jobs.commission.calc.Explanations;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.calc.PayoutLine;
import io.salesops.jobs.commission.calc.PeriodEarnings;
import io.salesops.jobs.commission.calc.PeriodInput;
import io.salesops.jobs.commission.calc.PlanCalculator;
import io.salesops.jobs.commission.calc.QuotaRamp;
import io.salesops.jobs.commission.calc.Statement;
import io.salesops.jobs.commission.calc.TeamCredit;
import io.salesops.jobs.commission.calc.TrueUpMath;
import io.salesops.jobs.commission.calc.TrueUpPeriod;
import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.CapComponent;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.Component;
import io.salesops.jobs.commission.plan.DrawComponent;
import io.salesops.jobs.commission.plan.DrawType;
import io.salesops.jobs.commission.plan.QuantityUnit;
import io.salesops.jobs.commission.plan.TrueUp;
import io.salesops.jobs.commission.plan.VolumeComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One rep's commission for one period, from the rep's credits as crediting produced them: keeps
 * the credits of the plan's basis, converts each to the plan's currency on its event date
 * ({@link FxTable}; share × amount × rate, exact), runs the plan ({@link PlanCalculator}) and turns
 * its lines into {@link CommissionLine}s that each name a source transaction, spreading lines on a
 * period total over the transactions ({@link LineSpreading}). Pure: the same inputs give the same
 * result, line for line, whatever order the credits arrive in.
 */
public final class RepCommission {

    private static final Comparator<CreditRow> STABLE = Comparator.comparing(CreditRow::transactionId)
            .thenComparing(CreditRow::role).thenComparing(CreditRow::repId).thenComparing(CreditRow::basis)
            .thenComparing(CreditRow::reasonCode);

    /** Ends the explanation of a line that is a transaction's share of a period-level line. */
    public static final String SHARE_NOTE = "; this transaction's share of ";

    private RepCommission() {
    }

    /**
     * @param own  the rep's own credits of the period (any basis)
     * @param team the credits of reps who reported to this rep on their event dates
     */
    public static RepResult calculate(RepSetup setup, List<CreditRow> own, List<CreditRow> team, FxTable fx) {
        CommissionPlan plan = setup.plan();
        String basis = plan.basis().code();
        List<CreditRow> ownRows = own.stream().filter(r -> r.basis().equals(basis)).sorted(STABLE).toList();
        List<CreditRow> teamRows = team.stream().filter(r -> r.basis().equals(basis)).sorted(STABLE).toList();
        Optional<QuantityUnit> volumeUnit = plan.components().stream().filter(VolumeComponent.class::isInstance)
                .map(c -> ((VolumeComponent) c).unit()).findFirst();
        List<Credit> credits = ownRows.stream().map(r -> credit(r, plan.currency(), volumeUnit, fx)).toList();
        List<TeamCredit> teamCredits = teamRows.stream()
                .map(r -> new TeamCredit(r.repId(), credit(r, plan.currency(), volumeUnit, fx), r.teamLevel())).toList();
        Statement statement = PlanCalculator.calculate(plan,
                new PeriodInput(credits, setup.quota(), setup.period(), setup.hireDate(), teamCredits));

        Map<String, CreditRow> sources = new HashMap<>();
        teamRows.forEach(r -> sources.putIfAbsent(r.transactionId(), r));
        ownRows.forEach(r -> sources.put(r.transactionId(), r));
        List<CommissionLine> lines = new ArrayList<>();
        int scale = plan.rounding().scale();
        for (PayoutLine line : combineRatedPeriodLines(statement.lines())) {
            if (!line.source().isEmpty()) {
                lines.add(line(setup, plan, line, sources.get(line.source()), line.base(), line.amount(), ""));
            } else if (line.rate().isEmpty()) {
                // a period-level line without a rate is a cap's reduction: spread over what it capped
                spread(setup, plan, line, weightsOfCovered(plan, line.component(), lines), sources, lines, scale);
            } else {
                spread(setup, plan, line, credits, sources, lines, scale);
            }
        }
        BigDecimal credited = plan.rounding().round(credits.stream().map(Credit::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal earned = statement.total();
        for (Component component : plan.components()) {
            if (component instanceof AttainmentComponent attainment && attainment.trueUp() == TrueUp.YEAR_TO_DATE) {
                TrueUpPeriod trueUp = trueUp(setup, attainment, credited);
                for (PayoutLine line : combineRatedPeriodLines(trueUp.lines())) {
                    if (line.rate().isEmpty()) {
                        // what earlier periods paid, taken back: spread like a cap over this component's lines
                        spread(setup, plan, line, weightsOfCovered(plan, line.component(), lines), sources, lines,
                                scale);
                    } else {
                        spread(setup, plan, line, credits, sources, lines, scale);
                    }
                }
                earned = earned.add(trueUp.total());
            }
        }
        BigDecimal drawBalance = null;
        BigDecimal drawForgiven = null;
        if (plan.draw().isPresent()) {
            // the draw settles the period's total once every component (and cap) has paid
            DrawComponent draw = plan.draw().get();
            BigDecimal opening = draw.type() == DrawType.RECOVERABLE ? setup.openingDrawBalance() : BigDecimal.ZERO;
            DrawSettlement settled = DrawMath.settle(draw, List.of(new PeriodEarnings(String.valueOf(setup.period()),
                    earned)), opening, new Employment(setup.hireDate(), setup.terminationDate()), scale).get(0);
            lines.add(line(setup, plan, settled.line(), null, settled.line().base(), settled.line().amount(), ""));
            earned = earned.add(settled.adjustment());
            drawBalance = settled.closingBalance();
            drawForgiven = settled.forgiven();
        }
        BigDecimal attainment = setup.quota() == null || setup.quota().signum() <= 0 ? null
                : credited.divide(setup.quota(), 6, RoundingMode.HALF_UP);
        Map<String, BigDecimal> byComponent = new LinkedHashMap<>();
        for (Component component : plan.components()) {
            byComponent.put(component.id(), BigDecimal.ZERO.setScale(scale));
        }
        for (CommissionLine line : lines) {
            byComponent.merge(line.component(), line.amount(), BigDecimal::add);
        }
        return new RepResult(setup.repId(), plan.id(), plan.version(), plan.currency(), credited, setup.quota(),
                attainment, earned, byComponent, lines, drawBalance, drawForgiven);
    }

    /**
     * This period's year-to-date true-up: the bands on the year's credited total against the year's
     * (ramped) quotas, less what the year's earlier periods paid. The earlier periods come from their
     * published statements; every month of the year since January (or the hire month, or the month
     * after the rep was last paid under another plan) must have one under this plan, else the
     * true-up would pay on a partial year. What they paid is what their statements say this
     * component paid, not what it would pay now: a new version of the plan re-states no settled
     * payout. A rep who changed plans during the year is trued up from the change: what the other
     * plan paid is settled under that plan's terms.
     */
    private static TrueUpPeriod trueUp(RepSetup setup, AttainmentComponent component, BigDecimal credited) {
        CommissionPlan plan = setup.plan();
        YearMonth first = YearMonth.of(setup.period().getYear(), 1);
        if (setup.hireDate() != null && YearMonth.from(setup.hireDate()).isAfter(first)) {
            first = YearMonth.from(setup.hireDate());
        }
        java.util.Map<YearMonth, EarlierPeriod> earlier = new java.util.HashMap<>();
        setup.earlierPeriods().forEach(e -> earlier.put(e.period(), e));
        for (YearMonth month = setup.period().minusMonths(1); !month.isBefore(first); month = month.minusMonths(1)) {
            EarlierPeriod statement = earlier.get(month);
            if (statement != null && !statement.planId().equals(plan.id())) {
                first = month.plusMonths(1);
                break;
            }
        }
        List<String> missing = new ArrayList<>();
        BigDecimal creditedToDate = credited;
        BigDecimal quotaToDate = ramped(plan, component, setup.quota(), setup, setup.period());
        BigDecimal paidBefore = BigDecimal.ZERO;
        for (YearMonth month = first; month.isBefore(setup.period()); month = month.plusMonths(1)) {
            EarlierPeriod statement = earlier.get(month);
            if (statement == null || statement.quota() == null) {
                missing.add(month.toString());
            } else {
                creditedToDate = creditedToDate.add(statement.credited());
                quotaToDate = quotaToDate.add(ramped(plan, component, statement.quota(), setup, month));
                paidBefore = paidBefore.add(statement.paid(component.id()));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("component " + component.id() + " trues up the year to date, so it"
                    + " needs the statements (with a quota) of " + String.join(", ", missing) + " under plan "
                    + plan.id() + "; calculate those periods first");
        }
        return TrueUpMath.period(component, setup.period().toString(), creditedToDate, quotaToDate,
                first.equals(setup.period()) ? Optional.empty() : Optional.of(paidBefore), plan.rounding());
    }

    private static BigDecimal ramped(CommissionPlan plan, AttainmentComponent component, BigDecimal quota,
                                     RepSetup setup, YearMonth month) {
        if (quota == null) {
            throw new IllegalArgumentException("component " + component.id() + " pays by quota attainment, so the"
                    + " quota of " + month + " is required");
        }
        return QuotaRamp.quota(component.id(), plan.rampFor(component), quota, setup.hireDate(), month,
                plan.rounding().scale()).quota();
    }

    /**
     * Consecutive period-level lines of one component that carry a rate (the slices of marginal
     * tiers) become one line, so that spreading gives one line per component and transaction: its
     * base and amount are the slices' sums, its rate the effective rate, its tier the highest,
     * and its explanation each slice's.
     */
    static List<PayoutLine> combineRatedPeriodLines(List<PayoutLine> payoutLines) {
        List<PayoutLine> combined = new ArrayList<>();
        List<PayoutLine> run = new ArrayList<>();
        for (PayoutLine line : payoutLines) {
            boolean rated = line.source().isEmpty() && line.rate().isPresent();
            if (!run.isEmpty() && !(rated && line.component().equals(run.get(0).component()))) {
                combined.add(combined(run));
                run.clear();
            }
            if (rated) {
                run.add(line);
            } else {
                combined.add(line);
            }
        }
        if (!run.isEmpty()) {
            combined.add(combined(run));
        }
        return combined;
    }

    private static PayoutLine combined(List<PayoutLine> slices) {
        if (slices.size() == 1) {
            return slices.get(0);
        }
        BigDecimal base = slices.stream().map(PayoutLine::base).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = slices.stream().map(PayoutLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<BigDecimal> rate = base.signum() == 0 ? slices.get(0).rate()
                : Optional.of(amount.divide(base, 10, RoundingMode.HALF_EVEN).stripTrailingZeros());
        int tier = slices.stream().mapToInt(PayoutLine::tier).max().orElse(0);
        String explanation = String.join(" + ", slices.stream().map(PayoutLine::explanation).toList());
        return new PayoutLine(slices.get(0).component(), "", tier, base, rate, amount, explanation);
    }

    /** The per-transaction amounts a cap reduced: the lines of the components it covers, as weights. */
    private static List<Credit> weightsOfCovered(CommissionPlan plan, String capId, List<CommissionLine> lines) {
        Component capping = plan.components().stream().filter(c -> c.id().equals(capId)).findFirst().orElseThrow();
        Predicate<String> covered = capping instanceof CapComponent cap ? cap::covers : capId::equals;
        Map<String, BigDecimal> byTransaction = new LinkedHashMap<>();
        lines.stream().filter(l -> covered.test(l.component()) && !l.transactionId().isEmpty())
                .forEach(l -> byTransaction.merge(l.transactionId(), l.amount(), BigDecimal::add));
        return byTransaction.entrySet().stream().map(e -> new Credit(e.getKey(), e.getValue(), "")).toList();
    }

    private static void spread(RepSetup setup, CommissionPlan plan, PayoutLine line, List<Credit> over,
                               Map<String, CreditRow> sources, List<CommissionLine> lines, int scale) {
        List<LineSpreading.Part> parts = LineSpreading.spread(line, over, scale);
        if (parts.isEmpty()) {
            lines.add(line(setup, plan, line, null, line.base(), line.amount(), ""));
            return;
        }
        for (LineSpreading.Part part : parts) {
            Credit credit = over.get(part.creditIndex());
            lines.add(line(setup, plan, new PayoutLine(line.component(), credit.transactionId(), line.tier(),
                            line.base(), line.rate(), line.amount(), line.explanation()),
                    sources.get(credit.transactionId()), part.base(), part.amount(),
                    SHARE_NOTE + Explanations.money(line.amount(), scale)));
        }
    }

    private static CommissionLine line(RepSetup setup, CommissionPlan plan, PayoutLine line, CreditRow source,
                                       BigDecimal base, BigDecimal amount, String note) {
        return new CommissionLine(setup.repId(), plan.id(), plan.version(), line.component(), line.source(),
                source == null ? "" : source.sourceTable(), source == null ? "" : source.sourceKey(),
                source == null ? "" : source.role(), source == null ? "" : source.reasonCode(), line.tier(), base,
                line.rate().orElse(null), amount, plan.currency(), line.explanation() + note);
    }

    /** A credit row in the plan's currency: share × amount × rate on the event date; cost alike; quantity in the volume unit. */
    static Credit credit(CreditRow row, String currency, Optional<QuantityUnit> volumeUnit, FxTable fx) {
        BigDecimal amount = fx.convert(row.amount().multiply(row.share()), row.currency(), currency, row.eventDate());
        BigDecimal cost = row.cost() == null || row.costCurrency() == null ? null
                : fx.convert(row.cost().multiply(row.share()), row.costCurrency(), currency, row.eventDate());
        BigDecimal quantity = null;
        QuantityUnit unit = null;
        if (row.quantity() != null && row.unit() != null) {
            QuantityUnit from = QuantityUnit.valueOf(row.unit().toUpperCase(java.util.Locale.ROOT));
            unit = volumeUnit.orElse(from);
            quantity = convertQuantity(row.quantity().multiply(row.share()), from, unit);
        }
        return new Credit(row.transactionId(), amount, row.category(), row.eventDate(), row.campaign(),
                row.newCustomer() ? CustomerStatus.NEW : CustomerStatus.EXISTING, cost, quantity, unit,
                CampaignTouch.parse(row.campaignTouches()));
    }

    private static BigDecimal convertQuantity(BigDecimal quantity, QuantityUnit from, QuantityUnit to) {
        if (from == to) {
            return quantity;
        }
        return from == QuantityUnit.T ? quantity.movePointRight(3) : quantity.movePointLeft(3);
    }
}
