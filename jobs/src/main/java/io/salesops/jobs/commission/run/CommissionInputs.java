package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.credit.Crediting;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What a commission run reads from the warehouse, at the versions pinned for its execution. */
final class CommissionInputs {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.ORDERS, CanonicalTables.ORDER_LINES,
            CanonicalTables.PRODUCTS, CanonicalTables.INVOICES, CanonicalTables.PAYMENTS, CanonicalTables.CREDIT_NOTES,
            CanonicalTables.CONTRACTS, CanonicalTables.CUSTOMERS, CanonicalTables.ACCOUNTS,
            CanonicalTables.OPPORTUNITIES, CanonicalTables.OPPORTUNITY_SPLITS, CanonicalTables.REPS,
            CanonicalTables.TERRITORIES, CanonicalTables.QUOTAS, CanonicalTables.FX_RATES);

    /** Read when the warehouse has them: a run needs them only for SPIFs attributed by campaign touches. */
    static final List<TableDefinition> OPTIONAL_INPUTS = List.of(CanonicalTables.CONTACTS,
            CanonicalTables.CAMPAIGN_TOUCHES);

    private CommissionInputs() {
    }

    /**
     * Every input, and each optional one the pin holds, as a Dataset; splits that do not add up to
     * a whole deal are refused before anything is calculated.
     */
    static Map<TableDefinition, Dataset<Row>> read(SparkSession session, Warehouse warehouse,
                                                   WarehouseSnapshot pinned) {
        Map<TableDefinition, Dataset<Row>> tables = new HashMap<>();
        INPUTS.forEach(table -> tables.put(table, SparkTables.read(session, warehouse, table, pinned)));
        OPTIONAL_INPUTS.stream().filter(pinned::pins)
                .forEach(table -> tables.put(table, SparkTables.read(session, warehouse, table, pinned)));
        Crediting.requireWholeSplits(tables.get(CanonicalTables.OPPORTUNITY_SPLITS));
        return tables;
    }
}
