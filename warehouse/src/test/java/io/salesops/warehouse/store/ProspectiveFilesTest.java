package io.salesops.warehouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a table would hold if a batch were published now is what publishing it then holds. */
class ProspectiveFilesTest {

    static final TableDefinition DEALS = TableDefinition.builder("deals", Zone.SYSTEM, "test table of parts")
            .key("deal_id")
            .required("deal_id", ColumnType.STRING, "deal")
            .build();

    @TempDir
    Path root;

    @Test
    void aReExportedSourceIsStagedAndTheOtherSourcesPartsAreCarriedOver() {
        // given: east and south loaded by b1, east exported again in b2
        Warehouse warehouse = new Warehouse(root);
        stagePart(warehouse, "b1", "part-b1-0.parquet", "east.csv", "D1", "D2");
        stagePart(warehouse, "b1", "part-b1-1.parquet", "south.csv", "D3");
        TableVersion first = warehouse.publish(DEALS, "b1");
        Path staged = stagePart(warehouse, "b2", "part-b2-0.parquet", "east.csv", "D1");

        // when
        List<Path> prospective = warehouse.prospectiveFiles(DEALS, "b2");

        // then
        assertThat(prospective).containsExactly(staged, first.directory().resolve("part-b1-1.parquet"));
        assertThat(warehouse.stagedWholeVersion(DEALS, "b2")).isFalse();
        TableVersion second = warehouse.publish(DEALS, "b2");
        assertThat(names(second.parquetFiles())).isEqualTo(names(prospective));
        assertThat(warehouse.prospectiveFiles(DEALS, "b2")).as("once published, its version")
                .isEqualTo(second.parquetFiles());
    }

    @Test
    void aStagedPartitionReplacesItsPartitionAndTheOthersAreCarriedOver() throws IOException {
        // given
        Warehouse warehouse = new Warehouse(root);
        WarehouseTest.writeRows(warehouse.stagePartition(WarehouseTest.MART, "b1", "2025-01"), "2025-01", 3);
        WarehouseTest.writeRows(warehouse.stagePartition(WarehouseTest.MART, "b1", "2025-02"), "2025-02", 2);
        TableVersion first = warehouse.publish(WarehouseTest.MART, "b1");
        Path january = warehouse.stagePartition(WarehouseTest.MART, "b2", "2025-01");
        WarehouseTest.writeRows(january, "2025-01", 1);

        // when
        List<Path> prospective = warehouse.prospectiveFiles(WarehouseTest.MART, "b2");

        // then
        assertThat(prospective).containsExactly(january.resolve("part-0.parquet"),
                first.directory().resolve("period-2025-02/part-0.parquet"));
        TableVersion second = warehouse.publish(WarehouseTest.MART, "b2");
        assertThat(second.parquetFiles()).extracting(p -> second.directory().relativize(p).toString())
                .containsExactly("period-2025-01/part-0.parquet", "period-2025-02/part-0.parquet");
    }

    @Test
    void aStagingWithoutPartSourcesIsTheWholeNextVersion() {
        // given: b2 staged one file without recording its source, as an incremental merge leaves it
        Warehouse warehouse = new Warehouse(root);
        stagePart(warehouse, "b1", "part-b1-0.parquet", "east.csv", "D1");
        warehouse.publish(DEALS, "b1");
        Path merged = stagePart(warehouse, "b2", "merged-b2.parquet", "east.csv", "D1", "D2");
        warehouse.forgetPartSources(DEALS, "b2");

        // when
        List<Path> prospective = warehouse.prospectiveFiles(DEALS, "b2");

        // then
        assertThat(prospective).containsExactly(merged);
        assertThat(warehouse.stagedWholeVersion(DEALS, "b2")).isTrue();
        assertThat(names(warehouse.publish(DEALS, "b2").parquetFiles())).containsExactly("merged-b2.parquet");
    }

    @Test
    void withNothingStagedTheTableKeepsItsCurrentFiles() {
        Warehouse warehouse = new Warehouse(root);
        assertThat(warehouse.prospectiveFiles(DEALS, "b1")).as("no version yet").isEmpty();

        stagePart(warehouse, "b1", "part-b1-0.parquet", "east.csv", "D1");
        TableVersion first = warehouse.publish(DEALS, "b1");

        assertThat(warehouse.prospectiveFiles(DEALS, "b2")).isEqualTo(first.parquetFiles());
        assertThat(warehouse.stagedWholeVersion(DEALS, "b2")).isFalse();
    }

    /** Stages one part of DEALS holding the keys, recorded as coming from the source. */
    private static Path stagePart(Warehouse warehouse, String batch, String part, String source, String... keys) {
        Path staging = warehouse.stagingDirectory(DEALS, batch);
        if (!Files.isDirectory(staging)) {
            warehouse.stage(DEALS, batch);
        }
        Path file = staging.resolve(part);
        try (ParquetRowWriter writer = new ParquetRowWriter(file, DEALS.name(), DEALS.storedColumns())) {
            for (String key : keys) {
                writer.write(new Object[] {key});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        warehouse.recordPartSource(DEALS, batch, part, source);
        return file;
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).sorted().toList();
    }
}
