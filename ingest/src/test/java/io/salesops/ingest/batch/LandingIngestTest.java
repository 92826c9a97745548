package io.salesops.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.DuckDbRows;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.IngestTables;
import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingIngestTest {

    static final String HEADER = "team_id,team_name,manager_id,region\r\n";

    @TempDir
    Path root;
    Warehouse warehouse;
    LandingIngest ingest;
    Path east;
    Path south;

    @BeforeEach
    void twoExportsOfOneTable() throws Exception {
        warehouse = new Warehouse(root.resolve("warehouse"));
        ingest = new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(ZoneId.of("Asia/Shanghai"), 0.5));
        east = write("east/teams.csv", HEADER + "T1,华东一组,R1,华东\r\nT2,华东二组,R2,华东\r\n");
        south = write("south/teams.csv", HEADER + "T3,华南一组,R3,华南\r\n");
        load("b1", east, south);
    }

    @Test
    void theSameFileAgainIsANoOpThatSaysWhichBatchLoadedIt() throws Exception {
        BatchIngestResult again = load("b2", east);

        assertThat(again.files()).isEmpty();
        assertThat(again.skipped()).containsExactly(new BatchIngestResult.SkippedFile("east/teams.csv", "teams", "b1"));
        assertThat(warehouse.history(CanonicalTables.TEAMS)).hasSize(1);
        assertThat(rows()).containsExactly("T1|华东一组|east/teams.csv", "T2|华东二组|east/teams.csv",
                "T3|华南一组|south/teams.csv");
    }

    @Test
    void aNewExportOfOneFileReplacesThatFilesRowsAndKeepsTheOthers() throws Exception {
        // given: east re-exported with a renamed team and one team gone
        write("east/teams.csv", HEADER + "T1,华东一组(新),R1,华东\r\n");

        // when
        load("b2", east);

        // then
        assertThat(rows()).containsExactly("T1|华东一组(新)|east/teams.csv", "T3|华南一组|south/teams.csv");
        assertThat(warehouse.requireCurrent(CanonicalTables.TEAMS).rowCount()).isEqualTo(2);
        assertThat(warehouse.requireCurrent(IngestTables.FILES).rowCount()).isEqualTo(3);
    }

    @Test
    void eachFileIsLoadedFromAReadOnlyCopyNamedByItsHashEvenIfTheOriginalChangesAfterPlanning() throws Exception {
        // given: a plan, after which the user overwrites the export
        Path west = write("west/teams.csv", HEADER + "T7,西部一组,R7,西南\r\n");
        byte[] received = Files.readAllBytes(west);
        IngestPlan plan = ingest.plan(List.of(west), root, "b2", null);
        write("west/teams.csv", HEADER + "T8,改过的,R8,西南\r\n");

        // when
        BatchIngestResult result = ingest.finish(plan, List.of(ingest.stageFile("b2", plan.files().get(0),
                IngestProgress.SILENT)));
        ingest.publish("b2", CanonicalTables.ALL);

        // then: the landed copy holds the bytes received, under their SHA-256, read-only
        Path landed = plan.files().get(0).path();
        String sha256 = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(received));
        assertThat(landed).isEqualTo(warehouse.root().resolve("landing").resolve(sha256).resolve("teams.csv"));
        assertThat(Files.readAllBytes(landed)).isEqualTo(received);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(landed)))
                .isEqualTo("r--------"); // (isWritable would say true when the tests run as root)
        assertThat(result.accepted()).isEqualTo(1);
        assertThat(rows()).contains("T7|西部一组|west/teams.csv").noneMatch(row -> row.startsWith("T8"));
        assertThat(DuckDbRows.query("select file_sha256, source_file, landed_as from read_parquet('"
                + warehouse.requireCurrent(IngestTables.FILES).parquetGlob() + "') where batch_id = 'b2'"))
                .containsExactly(sha256 + "|west/teams.csv|landing/" + sha256 + "/teams.csv");
    }

    @Test
    void aReExportUnderANewNameReplacesRowsByKeyInsteadOfAddingThemAgain() throws Exception {
        // given: east exported again under a dated name: T1 as it was, T2 renamed, T4 new
        Path dated = write("east/teams_20261201.csv", HEADER + "T1,华东一组,R1,华东\r\nT2,华东二组(新),R2,华东\r\n"
                + "T4,华东三组,R4,华东\r\n");

        // when
        BatchIngestResult result = load("b2", dated);

        // then: one row per team, the new file's
        assertThat(rows()).containsExactly("T1|华东一组|east/teams_20261201.csv", "T2|华东二组(新)|east/teams_20261201.csv",
                "T3|华南一组|south/teams.csv", "T4|华东三组|east/teams_20261201.csv");
        assertThat(warehouse.requireCurrent(CanonicalTables.TEAMS).rowCount()).isEqualTo(4);
        assertThat(result.keySummary()).containsExactly(
                "east/teams_20261201.csv -> teams: 1 new, 1 replaced, 1 unchanged",
                "teams: 2 rows loaded from east/teams.csv replaced by the same keys in this batch");

        // and the old name loaded again (its bytes unchanged are skipped; edited, it wins the keys back)
        write("east/teams.csv", HEADER + "T1,华东一组,R1,华东\r\nT2,华东二组,R2,华东\r\n ");
        load("b3", east);
        assertThat(rows()).containsExactly("T1|华东一组|east/teams.csv", "T2|华东二组|east/teams.csv",
                "T3|华南一组|south/teams.csv", "T4|华东三组|east/teams_20261201.csv");
    }

    @Test
    void aKeyInTwoFilesOfOneBatchKeepsTheLaterFilesRowAndIsReported() throws Exception {
        Path first = write("a/teams.csv", HEADER + "T9,旧名,R9,华北\r\nT8,八组,R8,华北\r\n");
        Path second = write("b/teams.csv", HEADER + "T9,新名,R9,华北\r\n");

        BatchIngestResult result = load("b2", first, second);

        assertThat(rows()).contains("T9|新名|b/teams.csv", "T8|八组|a/teams.csv").noneMatch(row -> row.contains("旧名"));
        assertThat(result.keySummary()).containsExactly(
                "a/teams.csv -> teams: 1 new, 0 replaced, 0 unchanged, 1 duplicate keys also in b/teams.csv of this"
                        + " batch (that file's rows kept)",
                "b/teams.csv -> teams: 1 new, 0 replaced, 0 unchanged");
    }

    private BatchIngestResult load(String batch, Path... files) {
        BatchIngestResult result = ingest.stage(List.of(files), root, batch, IngestProgress.SILENT);
        ingest.publish(batch, CanonicalTables.ALL);
        return result;
    }

    private Path write(String name, String content) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private List<String> rows() throws Exception {
        return DuckDbRows.query("select team_id, team_name, _source_file from read_parquet('"
                + warehouse.requireCurrent(CanonicalTables.TEAMS).parquetGlob() + "') order by team_id");
    }
}
