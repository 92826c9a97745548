package io.salesops.warehouse.store;

import static io.salesops.warehouse.store.VersionLookupTest.publish;
import static io.salesops.warehouse.store.WarehouseTest.MART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseSnapshotTest {

    static final TableDefinition OTHER = TableDefinition.builder("other_scores", Zone.MARTS, "never published")
            .key("name").required("name", ColumnType.STRING, "name").build();

    @TempDir
    Path root;

    @Test
    void aSnapshotSurvivesTheTripThroughItsString() {
        // given
        WarehouseSnapshot snapshot = WarehouseSnapshot.of(Map.of("invoices", 3, "fx_rates", 12, "reps", 1));

        // when
        String text = snapshot.format();

        // then: tables in name order, so equal snapshots are equal strings
        assertThat(text).isEqualTo("fx_rates=12,invoices=3,reps=1");
        assertThat(WarehouseSnapshot.parse(text)).isEqualTo(snapshot);
        assertThat(WarehouseSnapshot.parse(" invoices = 3 , fx_rates=12,reps=1")).isEqualTo(snapshot);
    }

    @Test
    void anEmptySnapshotIsAnEmptyString() {
        assertThat(WarehouseSnapshot.EMPTY.format()).isEmpty();
        assertThat(WarehouseSnapshot.parse("")).isEqualTo(WarehouseSnapshot.EMPTY);
        assertThat(WarehouseSnapshot.parse(null)).isEqualTo(WarehouseSnapshot.EMPTY);
    }

    @Test
    void malformedTextSaysWhichEntryIsWrong() {
        assertThatThrownBy(() -> WarehouseSnapshot.parse("invoices:3"))
                .hasMessage("snapshot entries are TABLE=VERSION separated by commas, cannot be: 'invoices:3'"
                        + " in 'invoices:3'");
        assertThatThrownBy(() -> WarehouseSnapshot.parse("invoices=3,"))
                .hasMessage("snapshot entries are TABLE=VERSION separated by commas, cannot be: '' in 'invoices=3,'");
        assertThatThrownBy(() -> WarehouseSnapshot.parse("invoices=latest"))
                .hasMessage("the version of invoices must be a whole number, cannot be: 'latest'");
        assertThatThrownBy(() -> WarehouseSnapshot.parse("invoices=0"))
                .hasMessage("a table version must be at least 1, cannot be: invoices=0");
        assertThatThrownBy(() -> WarehouseSnapshot.parse("invoices=2,invoices=3"))
                .hasMessage("table invoices is pinned twice in 'invoices=2,invoices=3'");
        assertThatThrownBy(() -> WarehouseSnapshot.parse("Invoices=2"))
                .hasMessage("table names are lower-case snake_case, cannot be: Invoices");
    }

    @Test
    void aSnapshotResolvesThePinnedVersionAfterANewerOneIsPublished() throws IOException {
        // given
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        WarehouseSnapshot snapshot = WarehouseSnapshot.ofCurrent(warehouse, List.of(MART));

        // when
        publish(warehouse, "b2", 5);
        TableVersion pinned = snapshot.resolve(warehouse, MART);

        // then
        assertThat(snapshot.format()).isEqualTo("scores=1");
        assertThat(pinned.version()).isEqualTo(1);
        assertThat(pinned.rowCount()).isEqualTo(3);
        assertThat(warehouse.requireCurrent(MART).version()).isEqualTo(2);
    }

    @Test
    void explicitPinsOverrideAndPublishedOutputsAreAdded() throws IOException {
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        TableVersion second = publish(warehouse, "b2", 5);

        WarehouseSnapshot snapshot = WarehouseSnapshot.ofCurrent(warehouse, List.of(MART))
                .overriddenBy(WarehouseSnapshot.parse("scores=1"))
                .with(new TableVersion("territory_performance", 7, second.directory(), "t", second.createdAt(), 1));

        assertThat(snapshot.format()).isEqualTo("scores=1,territory_performance=7");
        assertThat(snapshot.only(List.of(MART, OTHER)).format()).isEqualTo("scores=1");
    }

    @Test
    void resolvingATableTheSnapshotDoesNotPinIsAnError() throws IOException {
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        WarehouseSnapshot snapshot = WarehouseSnapshot.ofCurrent(warehouse, List.of(MART));

        assertThatThrownBy(() -> snapshot.resolve(warehouse, OTHER))
                .hasMessage("the snapshot scores=1 does not pin table other_scores");
    }

    @Test
    void resolvingAPrunedVersionNamesTheVersionsThatExist() throws IOException {
        // given: the snapshot pins version 1, which retention removes (nothing holds the snapshot)
        Warehouse warehouse = new Warehouse(root);
        publish(warehouse, "b1", 3);
        WarehouseSnapshot snapshot = WarehouseSnapshot.ofCurrent(warehouse, List.of(MART));
        publish(warehouse, "b2", 5);
        new VersionRetention(warehouse, 1).prune(MART, List.of());

        // when / then
        assertThatThrownBy(() -> snapshot.resolve(warehouse, MART))
                .isInstanceOf(MissingVersionException.class)
                .hasMessage("table scores has no version 1 (older versions are pruned: only the newest are kept);"
                        + " versions that exist: 2 (current: 2)");
    }

    @Test
    void aSnapshotOfATableNeverPublishedSaysToIngestFirst() {
        Warehouse warehouse = new Warehouse(root);

        assertThatThrownBy(() -> WarehouseSnapshot.ofCurrent(warehouse, List.of(OTHER)))
                .hasMessageStartingWith("table other_scores has no published version in ");
    }
}
