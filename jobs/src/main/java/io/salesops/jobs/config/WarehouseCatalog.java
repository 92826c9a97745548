package io.salesops.jobs.config;

import io.salesops.jobs.forecast.ForecastTables;
import io.salesops.ingest.csv.IngestTables;
import io.salesops.jobs.activity.ActivityTables;
import io.salesops.jobs.attribution.AttributionTables;
import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.funnel.FunnelTables;
import io.salesops.jobs.pipeline.PipelineTables;
import io.salesops.jobs.territory.TerritoryTables;
import io.salesops.jobs.worklist.WorklistTables;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every table SalesOps publishes: curated, marts and system tables. */
public final class WarehouseCatalog {

    public static final List<TableDefinition> ALL = Stream.of(CanonicalTables.ALL,
            List.of(TerritoryTables.TERRITORY_PERFORMANCE, FunnelTables.FUNNEL_CONVERSION, FunnelTables.FUNNEL_DURATIONS,
                    FunnelTables.WIN_RATES, PipelineTables.PIPELINE_DEALS, PipelineTables.PIPELINE_SNAPSHOT,
                    PipelineTables.PIPELINE_MOVEMENT, AttributionTables.MARKETING_ATTRIBUTION, ActivityTables.REP_ACTIVITY, WorklistTables.FOLLOWUPS_DUE,
                    WorklistTables.CHURN_RISK, WorklistTables.RENEWALS_DUE),
            List.of(ForecastTables.FORECASTS, ForecastTables.FORECAST_BACKTEST, ForecastTables.FORECAST_ACCURACY,
                    ForecastTables.FORECAST_MODELS), CommissionTables.WITH_LEDGER,
            List.of(IngestTables.REJECTS, IngestTables.WARNINGS, IngestTables.FILES))
            .flatMap(List::stream).toList();

    private WarehouseCatalog() {
    }

    public static Optional<TableDefinition> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
