package io.salesops.jobs.spark;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The I/O edge between Spark and the versioned warehouse: read a current or pinned version, write a
 * staged partition.
 */
public final class SparkTables {

    private SparkTables() {
    }

    /** The table's current version; the files are listed explicitly so no partition column is inferred. */
    public static Dataset<Row> read(SparkSession spark, Warehouse warehouse, TableDefinition table) {
        return read(spark, table, warehouse.requireCurrent(table));
    }

    /** The version of the table that the snapshot pins, however many newer ones were published since. */
    public static Dataset<Row> read(SparkSession spark, Warehouse warehouse, TableDefinition table,
                                    WarehouseSnapshot snapshot) {
        return read(spark, table, snapshot.resolve(warehouse, table));
    }

    /**
     * A curated table is read with the schema its definition gives, so Spark does not open the
     * files to infer one (a job per table, a fraction of a second each); marts keep the schema
     * their writers gave them.
     */
    private static Dataset<Row> read(SparkSession spark, TableDefinition table, TableVersion version) {
        List<Path> files = version.parquetFiles();
        if (files.isEmpty()) {
            throw new IllegalStateException(version.table() + " " + version.label() + " has no Parquet files");
        }
        var reader = table.zone() == io.salesops.warehouse.model.Zone.CURATED
                ? spark.read().schema(SparkSchemas.stored(table)) : spark.read();
        return reader.parquet(files.stream().map(Path::toString).toArray(String[]::new));
    }

    /**
     * Writes the rows of one partition (e.g. one period of a mart), cast to the table's column types,
     * into the warehouse's staging directory for the batch; {@link Warehouse#publish} makes it visible. One file per partition
     * of the rows, merged down to at most two per core.
     *
     * <p>Why not one per core: merging (Spark's {@code coalesce}) groups whole partitions without
     * looking at their sizes. The commission lines come in three partitions of about 300, 340 and
     * 100 thousand rows; merged into two, one task wrote 643 thousand rows while the other core
     * idled for 2.5 s. Three tasks on two cores finish sooner. Why not more: one writer alone took
     * seconds for a million commission lines, and many small files slow every reader.
     */
    public static void stagePartition(Dataset<Row> rows, Warehouse warehouse, TableDefinition table, String batchId,
                                      String partitionValue) {
        Path partitionDir = warehouse.stagePartition(table, batchId, partitionValue);
        Path sparkOutput = partitionDir.resolveSibling(partitionDir.getFileName() + ".spark");
        int cores = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism());
        // cast to the table's declared types: a mart reads back as its definition says, and a value
        // that does not fit fails here (ANSI mode) rather than in a reader
        rows.select(java.util.Arrays.stream(SparkSchemas.of(table).fields())
                        .map(f -> org.apache.spark.sql.functions.col(f.name()).cast(f.dataType()).as(f.name()))
                        .toArray(org.apache.spark.sql.Column[]::new))
                .coalesce(2 * cores)
                .write().mode(SaveMode.Overwrite).parquet(sparkOutput.toString());
        try (Stream<Path> files = Files.list(sparkOutput)) {
            int index = 0;
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                Files.move(file, partitionDir.resolve(String.format("part-%05d.parquet", index++)));
            }
            io.salesops.warehouse.store.FileTrees.deleteIfExists(sparkOutput);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage Spark output of " + table.name(), e);
        }
    }
}
