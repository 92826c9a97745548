package io.salesops.jobs.worklist;

import io.salesops.jobs.mart.BusinessMonth;
import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
import io.salesops.jobs.pipeline.PipelineDeals;
import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The managers' work lists as of the end of the period: follow-ups due, customers at risk of
 * churning and renewals due. A list whose data the warehouse lacks (no orders, no contracts) is
 * published empty.
 */
public final class WorklistComputation implements MartComputation {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.OPPORTUNITIES, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES);
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.OPPORTUNITY_STAGE_HISTORY,
            CanonicalTables.ACCOUNTS, CanonicalTables.ACTIVITIES, CanonicalTables.LEADS, CanonicalTables.ORDERS,
            CanonicalTables.CUSTOMERS, CanonicalTables.CONTRACTS, CanonicalTables.FX_RATES);

    private final ZoneId zone;

    public WorklistComputation(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "worklists";
    }

    @Override
    public List<TableDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public List<TableDefinition> optionalInputs() {
        return OPTIONAL_INPUTS;
    }

    @Override
    public List<TableDefinition> outputs() {
        return List.of(WorklistTables.FOLLOWUPS_DUE, WorklistTables.CHURN_RISK, WorklistTables.RENEWALS_DUE);
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        Instant end = BusinessMonth.of(period, zone).end();
        Dataset<Row> fx = tables.optionalOrEmpty(CanonicalTables.FX_RATES);
        var in = PipelineDeals.Inputs.of(tables);
        Dataset<Row> accounts = in.accounts();
        Dataset<Row> deals = ToCny.atPeriodRate(PipelineDeals.asOf(in, end, zone).where("is_open"), fx, period,
                "opportunity_id", "open deals at the end of " + period);
        return Map.of(
                WorklistTables.FOLLOWUPS_DUE, Followups.of(deals, tables.optionalOrEmpty(CanonicalTables.ACTIVITIES),
                        tables.optionalOrEmpty(CanonicalTables.LEADS), end, period),
                WorklistTables.CHURN_RISK, ChurnRisk.of(ChurnRisk.valued(tables.optionalOrEmpty(CanonicalTables.ORDERS),
                        fx, period), tables.optionalOrEmpty(CanonicalTables.CUSTOMERS), period),
                WorklistTables.RENEWALS_DUE, Renewals.of(tables.optionalOrEmpty(CanonicalTables.CONTRACTS),
                        accounts, fx, period));
    }
}
