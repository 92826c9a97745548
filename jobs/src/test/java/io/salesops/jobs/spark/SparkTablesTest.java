package io.salesops.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import io.salesops.warehouse.store.MissingVersionException;
import io.salesops.warehouse.store.VersionRetention;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTablesTest {

    static final TableDefinition SCORES = TableDefinition.builder("scores", Zone.MARTS, "test table")
            .key("name")
            .required("name", ColumnType.STRING, "name")
            .required("score", ColumnType.MONEY, "score")
            .build();

    @TempDir
    Path root;

    @Test
    void aPinnedReadSeesThePinnedVersionAfterANewerOneIsPublished() throws IOException {
        // given: version 1 pinned, then version 2 published
        SparkSession spark = SharedSpark.get();
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        WarehouseSnapshot pinned = WarehouseSnapshot.ofCurrent(warehouse, List.of(SCORES));
        publish(warehouse, "b2", 5);

        // when
        long pinnedRows = SparkTables.read(spark, warehouse, SCORES, pinned).count();
        long currentRows = SparkTables.read(spark, warehouse, SCORES).count();

        // then
        assertThat(pinned.format()).isEqualTo("scores=1");
        assertThat(pinnedRows).isEqualTo(3);
        assertThat(currentRows).isEqualTo(5);
    }

    @Test
    void aPinnedVersionThatWasPrunedFailsWithTheVersionsThatExist() throws IOException {
        SparkSession spark = SharedSpark.get();
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        WarehouseSnapshot pinned = WarehouseSnapshot.ofCurrent(warehouse, List.of(SCORES));
        publish(warehouse, "b2", 5);
        new VersionRetention(warehouse, 1).prune(SCORES, List.of());

        assertThatThrownBy(() -> SparkTables.read(spark, warehouse, SCORES, pinned))
                .isInstanceOf(MissingVersionException.class)
                .hasMessageStartingWith("table scores has no version 1 (older versions are pruned");
    }

    private static void publish(Warehouse warehouse, String batchId, int rows) throws IOException {
        Path staging = warehouse.stage(SCORES, batchId);
        try (ParquetRowWriter writer = new ParquetRowWriter(staging.resolve("part-0.parquet"), "scores",
                SCORES.storedColumns())) {
            for (int i = 0; i < rows; i++) {
                writer.write(new Object[] {"n" + i, new BigDecimal(i + ".25")});
            }
        }
        warehouse.publish(SCORES, batchId);
    }
}
