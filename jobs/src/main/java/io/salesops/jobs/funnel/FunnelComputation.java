package io.salesops.jobs.funnel;

import io.salesops.jobs.funnel.FunnelDefinition.Member;
import io.salesops.jobs.mart.BusinessMonth;
import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
import io.salesops.jobs.spark.SparkSchemas;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The funnels of the catalogue as of the end of the period, checked against their invariants
 * ({@link FunnelInvariants}) before anything is staged. Leads, stage history, accounts and orders
 * are optional inputs: a lead funnel is left out when there are no leads, and an opportunity
 * without stage history counts at its current stage.
 */
public final class FunnelComputation implements MartComputation {

    private static final Logger log = LoggerFactory.getLogger(FunnelComputation.class);

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.OPPORTUNITIES, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES);
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.LEADS,
            CanonicalTables.OPPORTUNITY_STAGE_HISTORY, CanonicalTables.ACCOUNTS, CanonicalTables.ORDERS,
            CanonicalTables.FX_RATES);

    private final FunnelCatalog catalog;
    private final ZoneId zone;

    /** @param zone the business calendar: cohort months and the end of the period are taken on it */
    public FunnelComputation(FunnelCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "funnels";
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
        return List.of(FunnelTables.FUNNEL_CONVERSION, FunnelTables.FUNNEL_DURATIONS, FunnelTables.WIN_RATES);
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        List<FunnelDefinition> funnels = catalog.load();
        Dataset<Row> opportunities = tables.table(CanonicalTables.OPPORTUNITIES);
        SparkSession spark = opportunities.sparkSession();
        var inputs = new FunnelJourneys.Inputs(tables.optionalOrEmpty(CanonicalTables.LEADS), opportunities,
                tables.optionalOrEmpty(CanonicalTables.OPPORTUNITY_STAGE_HISTORY),
                tables.table(CanonicalTables.REPS), tables.table(CanonicalTables.TERRITORIES),
                tables.optionalOrEmpty(CanonicalTables.ACCOUNTS), tables.optionalOrEmpty(CanonicalTables.ORDERS));
        boolean hasLeads = tables.optional(CanonicalTables.LEADS).isPresent();
        Instant asOf = BusinessMonth.of(period, zone).end();
        String sessionZone = spark.conf().get("spark.sql.session.timeZone");
        // every funnel and the win rates read the deals as they stood: rebuilt from stage history once
        Dataset<Row> deals = tables.cache(FunnelJourneys.opportunitiesAsOf(inputs, asOf, zone));
        Dataset<Row> all = spark.createDataFrame(List.of(), SparkSchemas.of(FunnelTables.FUNNEL_CONVERSION));
        Dataset<Row> durations = spark.createDataFrame(List.of(), SparkSchemas.of(FunnelTables.FUNNEL_DURATIONS));
        for (FunnelDefinition funnel : funnels) {
            if (funnel.member() == Member.LEAD && !hasLeads) {
                log.info("funnel {} left out: the warehouse has no leads", funnel.id());
                continue;
            }
            Dataset<Row> journeys = tables.cache(FunnelJourneys.of(funnel, inputs, deals, asOf, zone, sessionZone));
            Dataset<Row> conversion = tables.cache(FunnelConversion.of(funnel, journeys, period));
            List<String> broken = FunnelInvariants.violations(conversion, funnel.steps().size());
            if (!broken.isEmpty()) {
                throw new IllegalStateException("funnel " + funnel.id() + " of " + period + " breaks its invariants"
                        + " (a defect, not bad input): " + String.join("; ", broken));
            }
            all = all.unionByName(conversion);
            durations = durations.unionByName(FunnelDurations.of(funnel, journeys, period, zone));
        }
        Dataset<Row> winRates = WinRates.of(FunnelJourneys.deals(inputs, deals, asOf, zone, sessionZone),
                tables.optionalOrEmpty(CanonicalTables.FX_RATES), period, zone);
        return Map.of(FunnelTables.FUNNEL_CONVERSION, all, FunnelTables.FUNNEL_DURATIONS, durations,
                FunnelTables.WIN_RATES, winRates);
    }
}
