package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.assign.PlanCatalog.PlanSource;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.period.CommissionLine;
import io.salesops.jobs.commission.period.CreditRow;
import io.salesops.jobs.commission.period.RepCommission;
import io.salesops.jobs.commission.period.RepResult;
import io.salesops.jobs.commission.period.RepSetup;
import io.salesops.jobs.commission.plan.CommissionPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The Spark side of one rep's calculation: gathers the rows keyed by the rep (own credits, team
 * credits of the reps who reported to them, and a marker that the rep has a plan), calls the pure
 * {@link RepCommission} and returns its lines and statement as rows of {@link
 * CommissionCalculation#RESULT}. Everything it holds is plain serialisable data: plans travel as
 * their YAML text and are parsed once per executor JVM.
 */
final class RepGroupFunction implements FlatMapGroupsFunction<String, Row, Row> {

    /** How the driver resolved a rep: the plan version that pays them, their quota in its currency, hire date. */
    record RepPlan(String planKey, BigDecimal quota, java.time.LocalDate hireDate, BigDecimal openingDrawBalance,
            List<io.salesops.jobs.commission.period.EarlierPeriod> earlierPeriods, java.time.LocalDate terminationDate)
            implements java.io.Serializable {
    }

    private static final Map<PlanSource, CommissionPlan> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, RepPlan> reps;
    private final Map<String, PlanSource> plans;
    private final FxTable fx;
    private final YearMonth period;

    RepGroupFunction(Map<String, RepPlan> reps, Map<String, PlanSource> plans, FxTable fx, YearMonth period) {
        this.reps = new HashMap<>(reps);
        this.plans = new HashMap<>(plans);
        this.fx = fx;
        this.period = period;
    }

    @Override
    public Iterator<Row> call(String repId, Iterator<Row> rows) {
        List<CreditRow> own = new ArrayList<>();
        List<CreditRow> team = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            String kind = row.getAs("kind");
            if (kind.equals(CommissionCalculation.OWN)) {
                own.add(credit(row));
            } else if (kind.equals(CommissionCalculation.TEAM)) {
                team.add(credit(row));
            }
        }
        RepPlan plan = reps.get(repId);
        if (plan == null) {
            // a manager's team credits reach them whether or not a plan pays overrides; a rep's own
            // credits without a plan are a set-up gap the driver reports
            return own.isEmpty() ? List.<Row>of().iterator()
                    : List.of(CommissionCalculation.unassigned(repId, own.size())).iterator();
        }
        CommissionPlan parsed = PARSED.computeIfAbsent(plans.get(plan.planKey()), PlanSource::parse);
        RepResult result;
        try {
            result = RepCommission.calculate(new RepSetup(repId, parsed, plan.quota(), plan.hireDate(), period,
                    plan.openingDrawBalance(), plan.earlierPeriods(), plan.terminationDate()), own, team, fx);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rep " + repId + " (plan " + plan.planKey() + "), " + period + ": "
                    + e.getMessage(), e);
        }
        List<Row> out = new ArrayList<>();
        long lineNo = 0;
        for (CommissionLine line : result.lines()) {
            out.add(RowFactory.create(CommissionCalculation.LINE, repId, result.planId(), (long) result.planVersion(),
                    result.currency(), ++lineNo, line.component(), line.transactionId(), line.sourceTable(),
                    line.sourceKey(), line.creditRole(), line.reasonCode(), (long) line.tier(), fixed(line.base()),
                    line.rate() == null ? null : line.rate().setScale(10, RoundingMode.HALF_UP), fixed(line.amount()),
                    line.explanation(), null, null, null, null, null, null, null, null, null));
        }
        String byComponent = ComponentTotals.format(result.byComponent());
        out.add(RowFactory.create(CommissionCalculation.STATEMENT, repId, result.planId(),
                (long) result.planVersion(), result.currency(), null, null, null, null, null, null, null, null, null,
                null, null, null, fixed(result.creditedAmount()), fixed(result.quota()), fixed(result.attainment()),
                fixed(result.earned()),
                byComponent, (long) result.lines().size(), (long) own.size(), fixed(result.drawBalance()),
                fixed(result.drawForgiven())));
        return out.iterator();
    }

    /**
     * The result's decimals have 6 places; amounts are already rounded by the plan (at most 2
     * places in the marts), so this only pads them, and bases keep 6 places of their exact value.
     */
    private static BigDecimal fixed(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
    }

    private static CreditRow credit(Row row) {
        return new CreditRow(row.getAs("rep_id"), row.getAs("manager_id"), row.getAs("credit_role"),
                row.getAs("share"), row.getAs("basis"), row.getAs("reason_code"), row.getAs("transaction_id"),
                row.getAs("source_table"), row.getAs("source_key"),
                row.<java.sql.Date>getAs("event_date").toLocalDate(), row.getAs("amount"), row.getAs("currency"),
                row.getAs("category"), row.getAs("campaign_id"), row.getAs("cost"), row.getAs("cost_currency"), row.getAs("quantity"),
                row.getAs("unit"), row.<Boolean>getAs("new_customer"), row.<Integer>getAs("team_level"),
                row.getAs("campaign_touches"));
    }
}
