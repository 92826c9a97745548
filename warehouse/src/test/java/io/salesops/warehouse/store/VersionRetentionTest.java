package io.salesops.warehouse.store;

import static io.salesops.warehouse.store.WarehouseTest.MART;
import static io.salesops.warehouse.store.WarehouseTest.writeRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on real files: every test publishes one period per version, so each version holds hard
 * links to the parts of the periods published before it, as the marts do.
 */
class VersionRetentionTest {

    @TempDir
    Path root;

    @Test
    void keepsTheNewestVersionsAndDeletesTheOlderOnes() throws IOException {
        // given
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 5);

        // when
        List<TableVersion> pruned = new VersionRetention(warehouse, 2).prune(MART, List.of());

        // then
        assertThat(pruned).extracting(TableVersion::version).containsExactly(1, 2, 3);
        assertThat(warehouse.history(MART)).extracting(TableVersion::version).containsExactly(5, 4);
        assertThat(warehouse.requireCurrent(MART).version()).isEqualTo(5);
        assertThat(versionDirectories(warehouse)).containsExactly("v-000004", "v-000005");
    }

    @Test
    void partsHardLinkedFromDeletedVersionsStayReadableByDuckDb() throws Exception {
        // given: version 3 holds links to the 2025-01 part written by version 1
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 3);
        TableVersion current = warehouse.requireCurrent(MART);
        Path januaryPart = current.directory().resolve("period-2025-01/part-0.parquet");
        assertThat(Files.getAttribute(januaryPart, "unix:nlink")).as("links before pruning").isEqualTo(3);

        // when
        new VersionRetention(warehouse, 1).prune(MART, List.of());

        // then: versions 1 and 2 are gone, version 3 reads all its rows
        assertThat(warehouse.history(MART)).extracting(TableVersion::version).containsExactly(3);
        assertThat(Files.getAttribute(januaryPart, "unix:nlink")).as("links after pruning").isEqualTo(1);
        assertThat(duckDbSummary(current)).isEqualTo("6 rows, periods 2025-01,2025-02,2025-03, score 7.00");
    }

    @Test
    void neverDeletesTheCurrentVersionEvenWhenNewerOnesExist() throws IOException {
        // given: four versions, the pointer still at version 2 (as an interrupted publish leaves it)
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 4);
        Files.writeString(warehouse.tableDirectory(MART).resolve("CURRENT"), "v-000002\n");

        // when
        List<TableVersion> pruned = new VersionRetention(warehouse, 1).prune(MART, List.of());

        // then
        assertThat(pruned).extracting(TableVersion::version).containsExactly(1);
        assertThat(warehouse.history(MART)).extracting(TableVersion::version).containsExactly(4, 3, 2);
        assertThat(warehouse.requireCurrent(MART).version()).isEqualTo(2);
    }

    @Test
    void keepsEveryVersionFromTheOldestOneAHeldSnapshotPins() throws IOException {
        // given: a running job pinned version 2; another snapshot pins a different table only
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 5);
        List<WarehouseSnapshot> held = List.of(WarehouseSnapshot.parse("scores=2,invoices=1"),
                WarehouseSnapshot.parse("scores=4"), WarehouseSnapshot.parse("fx_rates=1"));

        // when
        List<TableVersion> pruned = new VersionRetention(warehouse, 1).prune(MART, held);

        // then
        assertThat(pruned).extracting(TableVersion::version).containsExactly(1);
        assertThat(warehouse.history(MART)).extracting(TableVersion::version).containsExactly(5, 4, 3, 2);
        assertThat(WarehouseSnapshot.parse("scores=2").resolve(warehouse, MART).rowCount()).isEqualTo(3);
    }

    @Test
    void fewerVersionsThanRetainedAreAllKept() throws IOException {
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 3);

        assertThat(new VersionRetention(warehouse, 3).prune(MART, List.of())).isEmpty();
        assertThat(new VersionRetention(warehouse, 10).prune(MART, List.of())).isEmpty();
        assertThat(warehouse.history(MART)).hasSize(3);
    }

    @Test
    void aCrashMidPruneLeavesAReadableWarehouseAndTheNextPruneFinishesTheJob() throws Exception {
        // given: a prune of version 1 killed after the rename and its first deletion (deletion runs
        // deepest path first, so the Parquet part goes before the metadata and the directories)
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 3);
        Path tableDir = warehouse.tableDirectory(MART);
        Path doomed = tableDir.resolve(".pruning-v-000001");
        Files.move(tableDir.resolve("v-000001"), doomed);
        Files.delete(doomed.resolve("period-2025-01/part-0.parquet"));

        // then: readers see versions 2 and 3, whole, and version 1 as pruned
        assertThat(warehouse.history(MART)).extracting(TableVersion::version).containsExactly(3, 2);
        assertThat(warehouse.version(MART, 1)).isEmpty();
        assertThatThrownBy(() -> warehouse.requireVersion(MART, 1)).hasMessageContaining("pruned");
        assertThat(duckDbSummary(warehouse.requireCurrent(MART)))
                .isEqualTo("6 rows, periods 2025-01,2025-02,2025-03, score 7.00");
        assertThat(duckDbSummary(warehouse.requireVersion(MART, 2))).isEqualTo("3 rows, periods 2025-01,2025-02,"
                + " score 2.50");

        // when: the next prune runs (nothing else is old enough to go)
        List<TableVersion> pruned = new VersionRetention(warehouse, 2).prune(MART, List.of());

        // then: the leftover is gone, the kept versions untouched
        assertThat(pruned).isEmpty();
        assertThat(doomed).doesNotExist();
        assertThat(versionDirectories(warehouse)).containsExactly("v-000002", "v-000003");
    }

    @Test
    void aPruneAlreadyRunningOnTheTableIsNotWaitedFor() throws IOException {
        // given: another pruner holds the table's prune lock
        Warehouse warehouse = new Warehouse(root);
        publishPeriods(warehouse, 3);
        try (FileChannel channel = FileChannel.open(warehouse.tableDirectory(MART).resolve(".prune.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {

            // when
            List<TableVersion> pruned = new VersionRetention(warehouse, 1).prune(MART, List.of());

            // then
            assertThat(pruned).isEmpty();
            assertThat(warehouse.history(MART)).hasSize(3);
        }
    }

    @Test
    void retainingFewerThanOneVersionIsRefused() {
        assertThatThrownBy(() -> new VersionRetention(new Warehouse(root), 0))
                .hasMessage("versions to retain must be at least 1, cannot be: 0");
    }

    /** Version n publishes period 2025-0n with n rows scoring 0.50, 1.50, ... */
    private static void publishPeriods(Warehouse warehouse, int versions) throws IOException {
        for (int n = 1; n <= versions; n++) {
            String period = "2025-0" + n;
            writeRows(warehouse.stagePartition(MART, "b" + n, period), period, n);
            warehouse.publish(MART, "b" + n);
        }
    }

    private static List<String> versionDirectories(Warehouse warehouse) throws IOException {
        try (Stream<Path> children = Files.list(warehouse.tableDirectory(MART))) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String duckDbSummary(TableVersion version) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), string_agg(DISTINCT period, ',' ORDER BY period),"
                     + " sum(score) FROM read_parquet('" + version.parquetGlob() + "')")) {
            rs.next();
            return rs.getLong(1) + " rows, periods " + rs.getString(2) + ", score " + rs.getBigDecimal(3);
        }
    }
}
