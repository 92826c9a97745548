package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.credit.CommissionEvents;
import io.salesops.jobs.commission.credit.Crediting;
import io.salesops.jobs.spark.Materialised;
import io.salesops.jobs.commission.plan.Basis;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One period's calculation over loaded warehouse tables: events → credits → every rep's lines and
 * statement. The job runs it for the period it calculates and again for recently closed periods,
 * whose recalculation it compares with the ledger ({@link Corrections}).
 */
final class PeriodCalculation {

    /**
     * A period's credits and results ({@link CommissionCalculation#RESULT}), both {@link Materialised},
     * and the plans that paid.
     */
    record Result(YearMonth period, Dataset<Row> credits, Dataset<Row> results, RepPlans.Resolved plans) {
        Dataset<Row> lines() {
            return results.where(col("kind").equalTo(CommissionCalculation.LINE));
        }

        Dataset<Row> statements() {
            return results.where(col("kind").equalTo(CommissionCalculation.STATEMENT));
        }

        void release() {
            Materialised.release(results);
            Materialised.release(credits);
        }
    }

    private final SparkSession session;
    private final Map<TableDefinition, Dataset<Row>> tables;
    private final CommissionSetup setup;
    private final int unpaidAfterDays;
    private final boolean payAfterTermination;
    private final FxTable fx;
    private final List<RepPlans.Rep> reps;
    private final java.util.function.Function<YearMonth, Map<String, PublishedStatement>> published;

    /** @param published per period, each rep's published statement (draw balance, year-to-date figures) */
    PeriodCalculation(SparkSession session, Map<TableDefinition, Dataset<Row>> tables, CommissionSetup setup,
                      int unpaidAfterDays, boolean payAfterTermination,
                      java.util.function.Function<YearMonth, Map<String, PublishedStatement>> published) {
        this.session = session;
        this.tables = tables;
        this.setup = setup;
        this.unpaidAfterDays = unpaidAfterDays;
        this.payAfterTermination = payAfterTermination;
        this.fx = fxTable(tables.get(CanonicalTables.FX_RATES));
        this.reps = reps(tables.get(CanonicalTables.REPS));
        this.published = published;
    }

    Result calculate(YearMonth month) {
        RepPlans.Resolved plans = RepPlans.resolve(reps, setup, quotas(month), fx, month, published);
        // events of the bases the period's plans pay on; all of them when no plan pays, so credited
        // reps without a plan are still found and reported
        Set<Basis> bases = plans.bases().isEmpty() ? EnumSet.allOf(Basis.class) : plans.bases();
        Dataset<Row> events = CommissionEvents.compute(new CommissionEvents.Inputs(table(CanonicalTables.ORDERS),
                table(CanonicalTables.ORDER_LINES), table(CanonicalTables.PRODUCTS), table(CanonicalTables.INVOICES),
                table(CanonicalTables.PAYMENTS), table(CanonicalTables.CREDIT_NOTES)), month,
                new CommissionEvents.Policy(unpaidAfterDays, bases));
        Dataset<Row> repRows = table(CanonicalTables.REPS);
        Crediting.Inputs crediting = new Crediting.Inputs(table(CanonicalTables.CONTRACTS),
                table(CanonicalTables.CUSTOMERS), table(CanonicalTables.ACCOUNTS),
                table(CanonicalTables.OPPORTUNITY_SPLITS), repRows, table(CanonicalTables.TERRITORIES),
                reportingLines(repRows), plans.campaigns() ? table(CanonicalTables.OPPORTUNITIES) : null,
                plans.managerLevels(), touches(plans));
        Dataset<Row> credits = Materialised.of(excludeAfterTermination(Crediting.compute(events, crediting), repRows));
        Dataset<Row> results = Materialised.of(CommissionCalculation.calculate(session, credits, plans.plans(),
                plans.employed(), plans.overriding(), plans.sources(), fx, month));
        requireAssigned(results, month);
        return new Result(month, credits, results, plans);
    }

    private Dataset<Row> table(TableDefinition table) {
        return tables.get(table);
    }

    /** Campaign touches and contacts when a plan pays a SPIF attributed by touches; they are optional inputs. */
    private Crediting.Touches touches(RepPlans.Resolved plans) {
        if (plans.touchLookbacks().isEmpty()) {
            return Crediting.Touches.NONE;
        }
        List<String> missing = java.util.stream.Stream.of(CanonicalTables.CAMPAIGN_TOUCHES, CanonicalTables.CONTACTS)
                .filter(t -> !tables.containsKey(t)).map(TableDefinition::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("a plan pays a SPIF attributed by campaign touches (campaigns "
                    + plans.touchLookbacks().keySet() + "), but the warehouse has no " + String.join(" or ", missing)
                    + " table: ingest the marketing and CRM exports first");
        }
        return new Crediting.Touches(table(CanonicalTables.CAMPAIGN_TOUCHES), table(CanonicalTables.CONTACTS),
                plans.touchLookbacks());
    }

    /**
     * Marks credits dated after the credited rep's termination date AFTER_TERMINATION unless
     * salesops.commissions.pay-after-termination is set: the credit stays visible, and pays nothing.
     */
    private Dataset<Row> excludeAfterTermination(Dataset<Row> credits, Dataset<Row> repRows) {
        Dataset<Row> left = repRows.select(col("rep_id").as("left_rep_id"), col("termination_date").as("left_on"));
        Column after = payAfterTermination ? lit(false)
                : col("left_on").isNotNull().and(col("event_date").gt(col("left_on")));
        return credits.join(broadcast(left), col("credited_rep_id").equalTo(col("left_rep_id")), "left")
                .withColumn("excluded_reason", when(after, lit("AFTER_TERMINATION")))
                .drop("left_rep_id", "left_on");
    }

    /** Finance's reporting-lines.csv when there is one, else each rep's current manager from the hire date. */
    private Dataset<Row> reportingLines(Dataset<Row> repRows) {
        if (setup.reportingLines().isEmpty()) {
            return Crediting.reportingLinesFromReps(repRows);
        }
        List<Row> rows = setup.reportingLines().get().stream().map(l -> RowFactory.create(l.repId(), l.managerId(),
                java.sql.Date.valueOf(l.from()), l.to() == null ? null : java.sql.Date.valueOf(l.to()))).toList();
        return session.createDataFrame(rows, new StructType().add("rep_id", DataTypes.StringType)
                .add("manager_id", DataTypes.StringType).add("effective_from", DataTypes.DateType)
                .add("effective_to", DataTypes.DateType));
    }

    private static FxTable fxTable(Dataset<Row> fxRates) {
        FxTable fx = new FxTable();
        for (Row row : fxRates.collectAsList()) {
            fx.with(row.getAs("currency"), row.<java.sql.Date>getAs("rate_date").toLocalDate(), row.getAs("rate_to_cny"));
        }
        return fx;
    }

    private static List<RepPlans.Rep> reps(Dataset<Row> repRows) {
        return repRows.collectAsList().stream().map(r -> new RepPlans.Rep(r.getAs("rep_id"), r.getAs("role"),
                        r.<java.sql.Date>getAs("hire_date").toLocalDate(), r.getAs("termination_date") == null ? null
                                : r.<java.sql.Date>getAs("termination_date").toLocalDate()))
                .sorted(Comparator.comparing(RepPlans.Rep::repId)).toList();
    }

    private Map<String, RepPlans.Quota> quotas(YearMonth month) {
        Map<String, RepPlans.Quota> byRep = new HashMap<>();
        for (Row row : table(CanonicalTables.QUOTAS).where(col("period").equalTo(month.toString())).collectAsList()) {
            byRep.put(row.getAs("rep_id"), new RepPlans.Quota(row.getAs("quota_amount"), row.getAs("currency")));
        }
        return byRep;
    }

    private static void requireAssigned(Dataset<Row> results, YearMonth month) {
        List<Row> unassigned = results.where(col("kind").equalTo(CommissionCalculation.UNASSIGNED))
                .orderBy("rep_id").collectAsList();
        if (!unassigned.isEmpty()) {
            throw new IllegalStateException(unassigned.size() + " reps were credited in " + month + " but no plan"
                    + " assignment covers them on " + month.atEndOfMonth() + ": " + unassigned.stream().limit(10)
                    .map(r -> r.getAs("rep_id") + " (" + r.<Long>getAs("credit_count") + " credits)")
                    .collect(Collectors.joining(", ")) + (unassigned.size() > 10 ? ", ..." : "")
                    + "; add them to assignments.csv");
        }
    }
}
