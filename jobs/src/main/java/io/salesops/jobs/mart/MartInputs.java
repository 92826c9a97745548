package io.salesops.jobs.mart;

import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@link MartComputation} may read: the versions pinned for the execution, of the tables it
 * declared, as Datasets. A computation that reads one Dataset twice (a check, then the result) can
 * {@link #cache} it; the step frees it once the marts are staged.
 */
public final class MartInputs {

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final WarehouseSnapshot pinned;
    private final MartComputation computation;
    private final List<Dataset<Row>> cached = new ArrayList<>();

    MartInputs(SparkSession spark, Warehouse warehouse, WarehouseSnapshot pinned, MartComputation computation) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.pinned = pinned;
        this.computation = computation;
    }

    /** A declared input at its pinned version. */
    public Dataset<Row> table(TableDefinition table) {
        if (!computation.inputs().contains(table)) {
            throw new IllegalArgumentException(computation.name() + " reads " + table.name()
                    + " without declaring it among its inputs " + names(computation.inputs()));
        }
        return SparkTables.read(spark, warehouse, table, pinned);
    }

    /** A declared optional input at its pinned version; empty when the warehouse had none when it was pinned. */
    public Optional<Dataset<Row>> optional(TableDefinition table) {
        if (!computation.optionalInputs().contains(table)) {
            throw new IllegalArgumentException(computation.name() + " reads " + table.name()
                    + " without declaring it among its optional inputs " + names(computation.optionalInputs()));
        }
        return pinned.pins(table) ? Optional.of(SparkTables.read(spark, warehouse, table, pinned)) : Optional.empty();
    }

    /** A declared optional input at its pinned version, or no rows (with the table's columns) when there was none. */
    public Dataset<Row> optionalOrEmpty(TableDefinition table) {
        return optional(table).orElseGet(() -> spark.createDataFrame(List.of(),
                io.salesops.jobs.spark.SparkSchemas.of(table)));
    }

    /** Caches rows the computation reads more than once; released after staging, also on failure. */
    public Dataset<Row> cache(Dataset<Row> rows) {
        Dataset<Row> kept = rows.cache();
        cached.add(kept);
        return kept;
    }

    void release() {
        cached.forEach(Dataset::unpersist);
        cached.clear();
    }

    private static List<String> names(List<TableDefinition> tables) {
        return tables.stream().map(TableDefinition::name).toList();
    }
}
