package io.salesops.jobs.territory;

import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** Marts of the territory performance computation. */
public final class TerritoryTables {

    public static final TableDefinition TERRITORY_PERFORMANCE = TableDefinition.builder("territory_performance",
                    Zone.MARTS, "Invoiced net revenue against quota per territory and month, in CNY.")
            .key("period", "territory_id")
            .required("period", STRING, "month, YYYY-MM")
            .required("territory_id", STRING, "territory; 'unassigned' for reps without one")
            .optional("territory_name", STRING, "display name")
            .optional("region", STRING, "sales region")
            .required("revenue", MONEY, "invoiced net revenue (tax excluded) in the month, CNY")
            .required("quota", MONEY, "sum of the month's quotas of the territory's reps, CNY")
            .optional("attainment", RATE, "revenue / quota; empty when the quota is zero")
            .required("invoice_count", LONG, "invoices in the month")
            .required("rep_count", LONG, "reps with a quota or an invoice in the month")
            .required("currency", STRING, "always CNY")
            .partitionedBy("period")
            .build();

    private TerritoryTables() {
    }
}
