package io.salesops.warehouse.store;

import static io.salesops.warehouse.store.WarehouseTest.MART;
import static io.salesops.warehouse.store.WarehouseTest.writeRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionLookupTest {

    @TempDir
    Path root;

    @Test
    void anOlderVersionIsFoundByNumberAfterNewerOnesArePublished() throws IOException {
        // given
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        publish(warehouse, "b2", 5);

        // when
        TableVersion first = warehouse.requireVersion(MART, 1);

        // then
        assertThat(first.batchId()).isEqualTo("b1");
        assertThat(first.rowCount()).isEqualTo(3);
        assertThat(warehouse.version(MART, 2)).contains(warehouse.requireCurrent(MART));
        assertThat(warehouse.version(MART, 3)).isEmpty();
        assertThat(warehouse.version(MART, 0)).isEmpty();
    }

    @Test
    void aVersionNotYetPublishedNamesTheNewest() throws IOException {
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        publish(warehouse, "b2", 5);

        assertThatThrownBy(() -> warehouse.requireVersion(MART, 9))
                .isInstanceOf(MissingVersionException.class)
                .hasMessage("table scores has no version 9 (the newest is 2); versions that exist: 1, 2 (current: 2)");
    }

    @Test
    void aPrunedVersionSaysOlderVersionsArePrunedAndListsTheRemainingOnes() throws IOException {
        // given: five versions, the two oldest pruned
        Warehouse warehouse = new Warehouse(root);
        for (int i = 1; i <= 5; i++) {
            publish(warehouse, "b" + i, i);
        }
        new VersionRetention(warehouse, 3).prune(MART, List.of());

        // when / then
        assertThatThrownBy(() -> warehouse.requireVersion(MART, 2))
                .isInstanceOfSatisfying(MissingVersionException.class, e -> {
                    assertThat(e.table()).isEqualTo("scores");
                    assertThat(e.version()).isEqualTo(2);
                    assertThat(e.existing()).containsExactly(3, 4, 5);
                })
                .hasMessage("table scores has no version 2 (older versions are pruned: only the newest are kept);"
                        + " versions that exist: 3-5 (current: 5)");
    }

    @Test
    void aTableNeverPublishedSaysSo() {
        Warehouse warehouse = new Warehouse(root);

        assertThatThrownBy(() -> warehouse.requireVersion(MART, 1))
                .hasMessage("table scores has no version 1; it has no published version");
    }

    @Test
    void longHistoriesAreWrittenAsRanges() {
        assertThat(MissingVersionException.ranges(List.of(1, 2, 3, 4, 6, 8, 9))).isEqualTo("1-4, 6, 8, 9");
        assertThat(MissingVersionException.ranges(List.of(7))).isEqualTo("7");
    }

    static TableVersion publish(Warehouse warehouse, String batchId, int rows) throws IOException {
        writeRows(warehouse.stagePartition(MART, batchId, "2025-01"), "2025-01", rows);
        return warehouse.publish(MART, batchId);
    }
}
