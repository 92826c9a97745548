package io.salesops.jobs.activity;

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
        Instant start = period.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Dataset<Row> opportunities = tables.table(CanonicalTables.OPPORTUNITIES);
        Dataset<Row> history = tables.optionalOrEmpty(CanonicalTables.OPPORTUNITY_STAGE_HISTORY);
        Dataset<Row> reps = tables.table(CanonicalTables.REPS);
        var deals = new PipelineDeals.Inputs(opportunities, history, tables.optionalOrEmpty(CanonicalTables.ACCOUNTS),
                reps, tables.table(CanonicalTables.TERRITORIES));
        Dataset<Row> won = PipelineDeals.wonBetween(deals, start, end, zone);
        var in = new RepActivity.Inputs(reps, tables.optionalOrEmpty(CanonicalTables.LEADS), opportunities, history,
                tables.optionalOrEmpty(CanonicalTables.ACTIVITIES));
        return Map.of(ActivityTables.REP_ACTIVITY, RepActivity.of(in, won, start, end, period));
    }
}
