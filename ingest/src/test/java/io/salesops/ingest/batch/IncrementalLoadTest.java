package io.salesops.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.ingest.DuckDbRows;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.mapping.MappingFile;
import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.merge.ParquetMerge;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental exports (src/test/resources/incremental): each file upserts by natural key, the
 * newest modification time wins, a deleted flag removes the key, and the same file twice is a no-op.
 */
class IncrementalLoadTest {

    static final Path FIXTURES = Path.of("src/test/resources/incremental");

    @TempDir
    Path root;
    Warehouse warehouse;
    LandingIngest ingest;
    SourceProfile changes;

    @BeforeEach
    void setUp() throws Exception {
        warehouse = new Warehouse(root.resolve("warehouse"));
        ingest = new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(ZoneId.of("Asia/Shanghai"), 0.5));
        changes = MappingFile.load(FIXTURES.resolve("deal-changes.yaml"));
        Files.createDirectories(root.resolve("landing"));
        for (String file : List.of("changes-2025-01-08.csv", "changes-2025-02-11.csv")) {
            Files.copy(FIXTURES.resolve(file), root.resolve("landing").resolve(file));
        }
    }

    @Test
    void theFirstFileInsertsAndWithinItTheLaterModificationWins() throws Exception {
        BatchIngestResult first = load("b1", "changes-2025-01-08.csv");

        // O-3 twice in the file: its earlier line is superseded by the later modification
        assertThat(first.merges()).containsExactly(new BatchIngestResult.Merge("opportunities", 0,
                new ParquetMerge.UpsertResult(3, 0, 0, 3, List.of(new ParquetMerge.FileChanges(
                        "changes-2025-01-08.csv", 3, 0, 0, 0, 0, 1, 0, null)))));
        assertThat(rows()).containsExactly(
                "O-1|qualification|100000.00|2025-01-05T01:00Z",
                "O-2|proposal|20000.00|2025-01-06T01:00Z",
                "O-3|qualification|6000.00|2025-01-08T02:00Z");
    }

    @Test
    void aLaterFileUpdatesByKeyKeepsNewerRowsAgainstStaleChangesAndDeletes() throws Exception {
        load("b1", "changes-2025-01-08.csv");

        BatchIngestResult second = load("b2", "changes-2025-02-11.csv");

        // O-1 updated; O-2's change is older than what is stored, so it loses; O-3 deleted; O-4 new.
        assertThat(second.merges()).containsExactly(new BatchIngestResult.Merge("opportunities", 1,
                new ParquetMerge.UpsertResult(1, 1, 1, 3, List.of(new ParquetMerge.FileChanges(
                        "changes-2025-02-11.csv", 1, 1, 0, 1, 1, 0, 0, null)))));
        assertThat(second.keySummary()).containsExactly("changes-2025-02-11.csv -> opportunities (incremental): 1 new,"
                + " 1 replaced, 0 unchanged, 1 deleted, 1 older than the stored row (the stored row kept)");
        assertThat(second.files().get(0).deletes()).isEqualTo(1);
        assertThat(rows()).containsExactly(
                "O-1|closed_won|120000.00|2025-02-10T08:20Z",
                "O-2|proposal|20000.00|2025-01-06T01:00Z",
                "O-4|prospecting|8000.00|2025-02-11T02:00Z");
        assertThat(warehouse.requireCurrent(CanonicalTables.OPPORTUNITIES).rowCount()).isEqualTo(3);
    }

    @Test
    void onTheSameModificationTimeTheLaterFileOfTheBatchWinsAndTheSummarySaysSo() throws Exception {
        load("b1", "changes-2025-01-08.csv");
        String header = "Id,Name,Account,Stage,Amount,Close,Owner,Closed,Won,Created,Modified,Deleted\n";
        // O-1 changed in both files at the same time; O-2 restated as stored; O-3 older than stored
        Files.writeString(root.resolve("landing/a-2025-03-01.csv"), header
                + "O-1,乙酸乙酯年度框架,A-1,closed_won,120000.00,2025-06-30,R1,true,true,2025-01-05T09:00:00+08:00,2025-03-01 10:00,\n"
                + "O-2,钛白粉试单,A-2,proposal,20000.00,2025-04-30,R2,false,false,2025-01-06T09:00:00+08:00,2025-01-06 09:00,\n");
        Files.writeString(root.resolve("landing/b-2025-03-01.csv"), header
                + "O-1,乙酸乙酯年度框架,A-1,negotiation,110000.00,2025-06-30,R1,false,false,2025-01-05T09:00:00+08:00,2025-03-01 10:00,\n"
                + "O-3,聚氨酯增稠剂,A-3,prospecting,5000.00,2025-05-31,R1,false,false,2025-01-07T09:00:00+08:00,2025-01-01 10:00,\n");

        BatchIngestResult both = ingest.stage(List.of(root.resolve("landing/a-2025-03-01.csv"),
                root.resolve("landing/b-2025-03-01.csv")), root.resolve("landing"), "b2", IngestProgress.SILENT, changes);
        ingest.publish("b2", CanonicalTables.ALL);

        assertThat(both.merges().get(0).result().files()).containsExactly(
                new ParquetMerge.FileChanges("a-2025-03-01.csv", 0, 0, 1, 0, 0, 1, 1, "b-2025-03-01.csv"),
                new ParquetMerge.FileChanges("b-2025-03-01.csv", 0, 1, 0, 0, 1, 0, 0, null));
        assertThat(both.keySummary()).containsExactly(
                "a-2025-03-01.csv -> opportunities (incremental): 0 new, 0 replaced, 1 unchanged, 0 deleted,"
                        + " 1 superseded by another change of this batch (newer, or as new and later in the files)"
                        + " (1 of them with the same updated time in b-2025-03-01.csv, the later file, whose rows were kept)",
                "b-2025-03-01.csv -> opportunities (incremental): 0 new, 1 replaced, 0 unchanged, 0 deleted,"
                        + " 1 older than the stored row (the stored row kept)");
        assertThat(rows()).containsExactly(
                "O-1|negotiation|110000.00|2025-03-01T02:00Z",
                "O-2|proposal|20000.00|2025-01-06T01:00Z",
                "O-3|qualification|6000.00|2025-01-08T02:00Z");
    }

    @Test
    void theSameIncrementalFileTwiceChangesNothing() throws Exception {
        load("b1", "changes-2025-01-08.csv");
        load("b2", "changes-2025-02-11.csv");
        List<String> before = rows();

        BatchIngestResult again = load("b3", "changes-2025-02-11.csv");

        assertThat(again.files()).isEmpty();
        assertThat(again.skipped()).extracting(BatchIngestResult.SkippedFile::loadedByBatch).containsExactly("b2");
        assertThat(warehouse.history(CanonicalTables.OPPORTUNITIES)).hasSize(2);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aMergeBasedOnAnOlderVersionIsNotPublished() throws Exception {
        load("b1", "changes-2025-01-08.csv");
        ingest.stage(List.of(root.resolve("landing/changes-2025-02-11.csv")), root.resolve("landing"), "b2",
                IngestProgress.SILENT, changes);
        // another batch publishes the table after b2 merged
        Files.writeString(root.resolve("landing/late.csv"), Files.readString(
                root.resolve("landing/changes-2025-01-08.csv")).replace("6000.00", "6500.00"));
        load("b3", "late.csv");

        assertThatThrownBy(() -> ingest.publish("b2", CanonicalTables.ALL))
                .hasMessageContaining("opportunities is at version 2 but batch b2 merged its changes into version 1");
    }

    private BatchIngestResult load(String batch, String file) {
        BatchIngestResult result = ingest.stage(List.of(root.resolve("landing").resolve(file)),
                root.resolve("landing"), batch, IngestProgress.SILENT, changes);
        ingest.publish(batch, CanonicalTables.ALL);
        return result;
    }

    /** Modification times are local (Asia/Shanghai) in the files and come back in UTC. */
    private List<String> rows() throws Exception {
        return DuckDbRows.query("select opportunity_id, stage, amount, _source_updated_at from read_parquet('"
                + warehouse.requireCurrent(CanonicalTables.OPPORTUNITIES).parquetGlob() + "') order by 1");
    }
}
