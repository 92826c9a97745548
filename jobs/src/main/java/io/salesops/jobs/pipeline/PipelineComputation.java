package io.salesops.jobs.pipeline;

import static org.apache.spark.sql.functions.col;

import io.salesops.jobs.mart.BusinessMonth;
import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
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
 * The open pipeline at the end of the period and how it moved during it. The start is the previous
 * period's {@code pipeline_deals} when this job ran for it (the deals as exported then, with their
 * close dates then), else the deals rebuilt from stage history as of the period's start (close dates
 * as exported now, so no slip can be seen); {@code start_basis} says which. Both ends are converted
 * at the period's rate, so a rate change moves nothing. Checked before anything is staged.
 */
public final class PipelineComputation implements MartComputation {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.OPPORTUNITIES, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES);
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.OPPORTUNITY_STAGE_HISTORY,
            CanonicalTables.ACCOUNTS, CanonicalTables.FX_RATES, PipelineTables.PIPELINE_DEALS);

    private final ZoneId zone;

    /** @param zone the business calendar: the period's start and end are instants on it */
    public PipelineComputation(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "pipeline";
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
        return List.of(PipelineTables.PIPELINE_DEALS, PipelineTables.PIPELINE_SNAPSHOT,
                PipelineTables.PIPELINE_MOVEMENT);
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        var in = PipelineDeals.Inputs.of(tables);
        Dataset<Row> fx = tables.optionalOrEmpty(CanonicalTables.FX_RATES);
        BusinessMonth month = BusinessMonth.of(period, zone);
        Instant start = month.start();
        Instant end = month.end();

        Dataset<Row> endDeals = tables.cache(inCny(PipelineDeals.asOf(in, end, zone), fx, period));
        Dataset<Row> previous = tables.optional(PipelineTables.PIPELINE_DEALS)
                .map(rows -> rows.where(col("period").equalTo(period.minusMonths(1).toString())))
                .orElse(null);
        boolean snapshot = previous != null && !previous.isEmpty();
        Dataset<Row> startDeals = snapshot ? previous
                : PipelineDeals.asOf(in, start, zone).where(col("is_open"));
        Dataset<Row> movement = tables.cache(PipelineMovement.of(inCny(startDeals, fx, period), endDeals, start, period,
                snapshot ? "snapshot" : "history"));
        List<String> broken = PipelineMovement.violations(movement);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("pipeline_movement of " + period + " does not add up (a defect, not bad"
                    + " input): " + String.join("; ", broken));
        }
        return Map.of(PipelineTables.PIPELINE_DEALS, PipelineSnapshot.deals(endDeals, period),
                PipelineTables.PIPELINE_SNAPSHOT, PipelineSnapshot.of(endDeals, period),
                PipelineTables.PIPELINE_MOVEMENT, movement);
    }

    /** Amounts in CNY at the period's rate; a deal with an amount in a currency without one fails, naming it. */
    static Dataset<Row> inCny(Dataset<Row> deals, Dataset<Row> fx, YearMonth period) {
        return ToCny.atPeriodRate(deals, fx, period, "opportunity_id", "deals in the pipeline of " + period);
    }
}
