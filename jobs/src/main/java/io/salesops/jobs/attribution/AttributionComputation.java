package io.salesops.jobs.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.salesops.jobs.mart.BusinessMonth;
import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
import io.salesops.jobs.pipeline.PipelineDeals;
import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Marketing attribution of the period under four models, checked before anything is staged: every
 * model credits the same number of leads, MQLs, opportunities and wins, and the same won amount,
 * as there were events. Without campaigns every event is credited to {@code (none)}.
 */
public final class AttributionComputation implements MartComputation {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.OPPORTUNITIES, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES);
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.LEADS, CanonicalTables.CAMPAIGNS,
            CanonicalTables.CAMPAIGN_TOUCHES, CanonicalTables.OPPORTUNITY_STAGE_HISTORY, CanonicalTables.ACCOUNTS,
            CanonicalTables.FX_RATES);

    /** Shares are rounded only in the sums; totals may differ between models by this much. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    private final ZoneId zone;

    public AttributionComputation(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "attribution";
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
        return List.of(AttributionTables.MARKETING_ATTRIBUTION);
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        BusinessMonth month = BusinessMonth.of(period, zone);
        Instant start = month.start();
        Instant end = month.end();
        Dataset<Row> opportunities = tables.table(CanonicalTables.OPPORTUNITIES);
        Dataset<Row> fx = tables.optionalOrEmpty(CanonicalTables.FX_RATES);
        var deals = PipelineDeals.Inputs.of(tables);
        Dataset<Row> won = PipelineDeals.wonBetween(deals, start, end, zone);
        won = ToCny.atPeriodRate(won, fx, period, "opportunity_id", "deals won in " + period);
        var in = new AttributionEvents.Inputs(tables.optionalOrEmpty(CanonicalTables.LEADS), opportunities, won,
                tables.optionalOrEmpty(CanonicalTables.CAMPAIGN_TOUCHES));
        Dataset<Row> events = tables.cache(AttributionEvents.of(in, start, end));
        Dataset<Row> credits = AttributionModels.credits(events, AttributionEvents.touches(in, events));
        Dataset<Row> sums = tables.cache(MarketingAttribution.sums(credits));
        List<String> broken = violations(sums, events);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("marketing_attribution of " + period + " does not add up (a defect, not"
                    + " bad input): " + String.join("; ", broken));
        }
        Dataset<Row> campaigns = tables.optionalOrEmpty(CanonicalTables.CAMPAIGNS);
        ToCny.requireRates(MarketingAttribution.costs(campaigns, fx, period), "period_cost", "cost", "campaign_id",
                "campaigns with cost in " + period, period.atDay(1));
        return Map.of(AttributionTables.MARKETING_ATTRIBUTION, MarketingAttribution.of(sums, campaigns, fx, period));
    }

    /** Each model's totals against the events: what differs, empty when every model credits every event once. */
    static List<String> violations(Dataset<Row> sums, Dataset<Row> events) {
        Row expected = events.agg(
                sum(org.apache.spark.sql.functions.when(col("kind").equalTo(AttributionEvents.LEAD), 1L).otherwise(0L)),
                sum(org.apache.spark.sql.functions.when(col("kind").equalTo(AttributionEvents.MQL), 1L).otherwise(0L)),
                sum(org.apache.spark.sql.functions.when(col("kind").equalTo(AttributionEvents.OPPORTUNITY), 1L)
                        .otherwise(0L)),
                sum(org.apache.spark.sql.functions.when(col("kind").equalTo(AttributionEvents.WON), 1L).otherwise(0L)),
                sum("amount_cny"), count(lit(1))).first();
        List<String> broken = new ArrayList<>();
        for (Row model : sums.groupBy("model").agg(sum("leads"), sum("mqls"), sum("opportunities"), sum("won"),
                sum("won_amount")).collectAsList()) {
            String[] names = {"leads", "mqls", "opportunities", "won", "won_amount"};
            for (int i = 0; i < names.length; i++) {
                BigDecimal want = expected.isNullAt(i) ? BigDecimal.ZERO : new BigDecimal(expected.get(i).toString());
                BigDecimal got = model.isNullAt(i + 1) ? BigDecimal.ZERO : model.getDecimal(i + 1);
                if (got.subtract(want).abs().compareTo(TOLERANCE) > 0) {
                    broken.add(model.getString(0) + " credits " + got.toPlainString() + " " + names[i] + ", the period"
                            + " has " + want.toPlainString());
                }
            }
        }
        return broken;
    }
}
