package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.assign.PlanCatalog;
import io.salesops.jobs.commission.assign.SetupException;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.plan.Basis;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.ManagerOverrideComponent;
import io.salesops.jobs.commission.plan.SpifComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plan version pays each rep in a period, decided on the driver before any calculation: the
 * assignment and the plan version in force on the period's last day, the rep's quota converted to
 * the plan's currency at the period's first-day rate, the hire date for ramps.
 */
final class RepPlans {

    /** Marts carry money with 2 decimals; a plan rounding to more would be cut. */
    static final int MART_SCALE = 2;

    /** A row of {@code reps} as the resolution needs it. */
    record Rep(String repId, String role, LocalDate hireDate, LocalDate terminationDate) {
        boolean employedIn(YearMonth period) {
            return !hireDate.isAfter(period.atEndOfMonth())
                    && (terminationDate == null || !terminationDate.isBefore(period.atDay(1)));
        }
    }

    /** A quota row: amount and currency. */
    record Quota(BigDecimal amount, String currency) {
    }

    /**
     * @param bases      the bases of the plans that pay someone: the events the period needs
     * @param overriding the reps whose plan pays an override on their team, with how many levels down
     *                   it reaches: the only ones who need their team's credits
     * @param campaigns  whether a plan that pays someone has a SPIF on the campaign of the deal: only
     *                   then are credits attributed to deals' campaigns, which reads the CRM's opportunities
     * @param touchLookbacks the campaigns of SPIFs attributed by touches, each with the longest lookback
     *                   (days) one asks for: only their touches are looked up for the credits
     */
    record Resolved(Map<String, RepGroupFunction.RepPlan> plans, Set<String> employed,
            Map<String, PlanCatalog.PlanSource> sources, Set<String> planKeys, Set<Basis> bases,
            Map<String, Integer> overriding, boolean campaigns, Map<String, Integer> touchLookbacks) {

        /** How many levels of managers the credits must name for the overrides these plans pay. */
        int managerLevels() {
            return CommissionCalculation.managerLevels(overriding);
        }
    }

    private RepPlans() {
    }

    private static boolean trueUpsYearToDate(CommissionPlan plan) {
        return plan.components().stream().anyMatch(c -> c instanceof io.salesops.jobs.commission.plan
                .AttainmentComponent a && a.trueUp() == io.salesops.jobs.commission.plan.TrueUp.YEAR_TO_DATE);
    }

    /** The rep's published statements of the year's months before {@code period}, where there are any. */
    private static List<io.salesops.jobs.commission.period.EarlierPeriod> earlier(String repId, YearMonth period,
            java.util.function.Function<YearMonth, Map<String, PublishedStatement>> statements) {
        List<io.salesops.jobs.commission.period.EarlierPeriod> earlier = new ArrayList<>();
        for (YearMonth month = YearMonth.of(period.getYear(), 1); month.isBefore(period); month = month.plusMonths(1)) {
            PublishedStatement statement = statements.apply(month).get(repId);
            if (statement != null) {
                earlier.add(new io.salesops.jobs.commission.period.EarlierPeriod(month, statement.planId(),
                        statement.credited(), statement.quota(), statement.earnedByComponent()));
            }
        }
        return earlier;
    }

    /**
     * @param published per month, each rep's published statement: the draw balance owed at the end of
     *                  the month before, and the year's earlier months for a year-to-date true-up
     */
    static Resolved resolve(List<Rep> reps, CommissionSetup setup, Map<String, Quota> quotas, FxTable fx,
                            YearMonth period,
                            java.util.function.Function<YearMonth, Map<String, PublishedStatement>> published) {
        Map<YearMonth, Map<String, PublishedStatement>> months = new java.util.HashMap<>();
        java.util.function.Function<YearMonth, Map<String, PublishedStatement>> statements =
                month -> months.computeIfAbsent(month, published);
        LocalDate asOf = period.atEndOfMonth();
        Map<String, RepGroupFunction.RepPlan> plans = new LinkedHashMap<>();
        Map<String, PlanCatalog.PlanSource> sources = new LinkedHashMap<>();
        Set<String> employed = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        Set<Basis> bases = EnumSet.noneOf(Basis.class);
        Map<String, Integer> overriding = new java.util.TreeMap<>();
        boolean campaigns = false;
        Map<String, Integer> touchLookbacks = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Rep rep : reps) {
            Optional<String> planId = setup.assignments().planFor(rep.repId(), rep.role(), asOf);
            if (planId.isEmpty()) {
                continue;
            }
            Optional<CommissionPlan> plan = setup.catalog().versionOn(planId.get(), asOf);
            if (plan.isEmpty()) {
                problems.add("rep " + rep.repId() + " is assigned plan " + planId.get() + ", which has no version"
                        + " effective on " + asOf);
                continue;
            }
            if (plan.get().rounding().scale() > MART_SCALE) {
                problems.add("plan " + PlanCatalog.key(plan.get()) + " rounds to " + plan.get().rounding().scale()
                        + " decimals; commission statements and payroll carry " + MART_SCALE);
                continue;
            }
            String key = PlanCatalog.key(plan.get());
            sources.putIfAbsent(key, setup.catalog().source(plan.get()));
            keys.add(key);
            bases.add(plan.get().basis());
            plan.get().components().stream().filter(ManagerOverrideComponent.class::isInstance)
                    .mapToInt(c -> ((ManagerOverrideComponent) c).levels()).max()
                    .ifPresent(levels -> overriding.put(rep.repId(), levels));
            for (var component : plan.get().components()) {
                if (component instanceof SpifComponent spif && spif.campaign() != null) {
                    campaigns |= spif.touch().isEmpty();
                    spif.touch().ifPresent(t -> touchLookbacks.merge(spif.campaign(), t.lookbackDays(), Math::max));
                }
            }
            Quota quota = quotas.get(rep.repId());
            BigDecimal converted = quota == null ? null
                    : fx.convert(quota.amount(), quota.currency(), plan.get().currency(), period.atDay(1));
            PublishedStatement before = statements.apply(period.minusMonths(1)).get(rep.repId());
            BigDecimal drawOwed = before == null || before.drawBalance() == null ? BigDecimal.ZERO : before.drawBalance();
            plans.put(rep.repId(), new RepGroupFunction.RepPlan(key, converted, rep.hireDate(), drawOwed,
                    trueUpsYearToDate(plan.get()) ? earlier(rep.repId(), period, statements) : List.of(),
                    rep.terminationDate()));
            if (rep.employedIn(period)) {
                employed.add(rep.repId());
            }
        }
        if (!problems.isEmpty()) {
            throw new SetupException(problems);
        }
        return new Resolved(plans, employed, sources, keys, bases, overriding, campaigns, touchLookbacks);
    }
}
