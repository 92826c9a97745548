package io.salesops.jobs.activity;

import io.salesops.jobs.mart.BusinessMonth;
import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
import io.salesops.jobs.pipeline.PipelineDeals;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** rep_activity of the period; without leads, activities or stage history those columns are 0. */
public final class RepActivityComputation implements MartComputation {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.OPPORTUNITIES, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES);
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.LEADS, CanonicalTables.ACTIVITIES,
            CanonicalTables.OPPORTUNITY_STAGE_HISTORY, CanonicalTables.ACCOUNTS);

    private final ZoneId zone;

    public RepActivityComputation(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "rep-activity";
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
        return List.of(ActivityTables.REP_ACTIVITY);
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        BusinessMonth month = BusinessMonth.of(period, zone);
        Instant start = month.start();
        Instant end = month.end();
        var deals = PipelineDeals.Inputs.of(tables);
        Dataset<Row> won = PipelineDeals.wonBetween(deals, start, end, zone);
        var in = new RepActivity.Inputs(deals.reps(), tables.optionalOrEmpty(CanonicalTables.LEADS),
                deals.opportunities(), deals.stageHistory(), tables.optionalOrEmpty(CanonicalTables.ACTIVITIES));
        return Map.of(ActivityTables.REP_ACTIVITY, RepActivity.of(in, won, start, end, period));
    }
}
