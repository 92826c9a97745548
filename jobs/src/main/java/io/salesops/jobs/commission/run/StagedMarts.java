package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.spark.SparkSchemas;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The period's partitions of the four commission marts a run stages (credits, lines, statements,
 * adjustments), each with the period and the run, cast to the mart's column types (a value that
 * does not fit fails, under ANSI mode); and reading back what was staged. Nothing is published here.
 */
final class StagedMarts {

    private final Warehouse warehouse;
    private final String period;
    private final String runId;
    private final String batchId;

    StagedMarts(Warehouse warehouse, String period, String runId) {
        this.warehouse = warehouse;
        this.period = period;
        this.runId = runId;
        this.batchId = CalculatedRun.batchId(runId);
    }

    /** Each credit with the version of the input table it came from. */
    void credits(Dataset<Row> credits, WarehouseSnapshot inputs) {
        Column version = lit(null).cast(DataTypes.LongType);
        for (TableDefinition table : CommissionInputs.INPUTS) {
            version = when(col("source_table").equalTo(table.name()),
                    lit((long) inputs.resolve(warehouse, table).version())).otherwise(version);
        }
        stage(credits.withColumnRenamed("rep_id", "event_rep_id")
                .withColumnRenamed("credited_rep_id", "rep_id")
                .withColumn("period", lit(period)).withColumn("run_id", lit(runId))
                .withColumn("source_version", version), CommissionTables.COMMISSION_CREDITS);
    }

    void lines(Dataset<Row> results) {
        stage(results.where(col("kind").equalTo(CommissionCalculation.LINE))
                .withColumn("period", lit(period)).withColumn("run_id", lit(runId)), CommissionTables.COMMISSION_LINES);
    }

    void statements(SparkSession session, List<StatementRow> statements) {
        stage(session.createDataFrame(StatementRow.rows(statements, period, runId),
                SparkSchemas.of(CommissionTables.COMMISSION_STATEMENTS)), CommissionTables.COMMISSION_STATEMENTS);
    }

    /** Numbered per rep in the order given. */
    void adjustments(SparkSession session, List<Adjustment> adjustments) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> numbers = new HashMap<>();
        for (Adjustment a : adjustments) {
            long number = numbers.merge(a.repId(), 1L, Long::sum);
            rows.add(RowFactory.create(period, runId, a.repId(), number, a.kind(), a.planId(), a.planVersion(),
                    a.component(), a.transactionId(), a.originPeriod(), a.amount(), a.currency(), a.reason(),
                    a.approvedBy()));
        }
        stage(session.createDataFrame(rows, SparkSchemas.of(CommissionTables.COMMISSION_ADJUSTMENTS)),
                CommissionTables.COMMISSION_ADJUSTMENTS);
    }

    /** What was staged for the table, as Spark reads it back. */
    Dataset<Row> read(SparkSession session, TableDefinition table) {
        String[] paths = files(table).stream().map(Path::toString).toArray(String[]::new);
        return paths.length == 0 ? session.createDataFrame(List.of(), SparkSchemas.of(table))
                : session.read().parquet(paths);
    }

    /** The Parquet files staged for a table, in name order. */
    List<Path> files(TableDefinition table) {
        try (Stream<Path> files = Files.walk(warehouse.stagingDirectory(table, batchId))) {
            return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the staged " + table.name(), e);
        }
    }

    private void stage(Dataset<Row> rows, TableDefinition table) {
        SparkTables.stagePartition(rows, warehouse, table, batchId, period);
    }
}
