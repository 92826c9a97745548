package io.salesops.warehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {

    static final TableDefinition MART = TableDefinition.builder("scores", Zone.MARTS, "test mart")
            .key("period", "name")
            .required("period", ColumnType.STRING, "period")
            .required("name", ColumnType.STRING, "name")
            .required("score", ColumnType.MONEY, "score")
            .partitionedBy("period")
            .build();

    @TempDir
    Path root;

    @Test
    void publishingTheSameBatchTwiceKeepsOneVersion() throws IOException {
        // given
        Warehouse warehouse = new Warehouse(root);
        writeRows(warehouse.stagePartition(MART, "b1", "2025-01"), "2025-01", 3);

        // when
        TableVersion first = warehouse.publish(MART, "b1");
        TableVersion again = warehouse.publish(MART, "b1");

        // then
        assertThat(again).isEqualTo(first);
        assertThat(warehouse.history(MART)).hasSize(1);
        assertThat(first.version()).isEqualTo(1);
    }

    @Test
    void aPartitionPublishReplacesOnlyItsPartition() throws IOException {
        // given
        Warehouse warehouse = new Warehouse(root);
        writeRows(warehouse.stagePartition(MART, "b1", "2025-01"), "2025-01", 3);
        warehouse.publish(MART, "b1");
        writeRows(warehouse.stagePartition(MART, "b2", "2025-02"), "2025-02", 2);
        warehouse.publish(MART, "b2");

        // when
        writeRows(warehouse.stagePartition(MART, "b3", "2025-01"), "2025-01", 1);
        TableVersion third = warehouse.publish(MART, "b3");

        // then
        assertThat(third.parquetFiles()).extracting(p -> third.directory().relativize(p).toString())
                .containsExactly("period-2025-01/part-0.parquet", "period-2025-02/part-0.parquet");
        assertThat(warehouse.history(MART)).extracting(TableVersion::version).containsExactly(3, 2, 1);
        assertThat(warehouse.requireCurrent(MART).version()).isEqualTo(3);
        assertThat(third.rowCount()).as("1 new row for 2025-01 plus 2 carried over for 2025-02").isEqualTo(3);
    }

    @Test
    void oneBatchCanStageSeveralPartitions() throws IOException {
        Warehouse warehouse = new Warehouse(root);
        writeRows(warehouse.stagePartition(MART, "b1", "2025-01"), "2025-01", 3);
        writeRows(warehouse.stagePartition(MART, "b1", "2025-02"), "2025-02", 2);

        TableVersion published = warehouse.publish(MART, "b1");

        assertThat(published.rowCount()).isEqualTo(5);
        assertThat(published.parquetFiles()).hasSize(2);
    }

    @Test
    void anInterruptedPublishLeavesThePreviousVersionCurrentAndCompletesOnRetry() throws IOException {
        // given: version 1 published, then batch b2 staged and renamed but the pointer never swapped
        Warehouse warehouse = new Warehouse(root);
        writeRows(warehouse.stagePartition(MART, "b1", "2025-01"), "2025-01", 3);
        warehouse.publish(MART, "b1");
        writeRows(warehouse.stagePartition(MART, "b2", "2025-01"), "2025-01", 5);
        Path pointer = warehouse.tableDirectory(MART).resolve("CURRENT");
        Path saved = Files.copy(pointer, root.resolve("pointer-before"));
        warehouse.publish(MART, "b2");
        Files.copy(saved, pointer, StandardCopyOption.REPLACE_EXISTING); // as if killed before the swap

        // when
        TableVersion beforeRetry = warehouse.requireCurrent(MART);
        TableVersion retried = warehouse.publish(MART, "b2");

        // then
        assertThat(beforeRetry.batchId()).isEqualTo("b1");
        assertThat(retried.batchId()).isEqualTo("b2");
        assertThat(retried.version()).isEqualTo(2);
        assertThat(warehouse.history(MART)).hasSize(2);
    }

    @Test
    void publishingWithoutStagingSaysWhatIsMissing() {
        Warehouse warehouse = new Warehouse(root);
        assertThatThrownBy(() -> warehouse.publish(MART, "nothing"))
                .hasMessage("nothing staged for table scores in batch nothing");
    }

    static void writeRows(Path directory, String period, int count) throws IOException {
        try (ParquetRowWriter writer = new ParquetRowWriter(directory.resolve("part-0.parquet"), "scores",
                MART.storedColumns())) {
            for (int i = 0; i < count; i++) {
                writer.write(new Object[] {period, "n" + i, new BigDecimal(i + ".50")});
            }
        }
    }
}
