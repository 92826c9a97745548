package io.salesops.ingest.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.ingest.batch.BatchIngestResult;
import io.salesops.ingest.batch.IngestSettings;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseFingerprint;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of src/test/resources/bad-input/cases.csv (see the README there). */
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    static final SourceProfile TEAMS_DECLARED_UTF8 = SourceProfile.renaming("teams-declared-utf8",
            CanonicalTables.TEAMS, Map.of("team_id", "team_id", "team_name", "team_name", "manager_id", "manager_id",
                    "region", "region"), Map.of(), Map.of(), StandardCharsets.UTF_8);

    @TempDir
    Path root;
    Warehouse warehouse;
    LandingIngest ingest;
    TableVersion published;
    Map<String, String> before;

    @BeforeEach
    void publishAGoodVersionFirst() throws Exception {
        warehouse = new Warehouse(root.resolve("warehouse"));
        ingest = new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(ZoneId.of("Asia/Shanghai"), 0.5).allowingOnly(List.of(CORPUS, root)));
        Path good = Files.writeString(root.resolve("good-teams.csv"),
                "team_id,team_name,manager_id,region\r\nG1,好团队,R9,华东\r\n", StandardCharsets.UTF_8);
        ingest.stage(List.of(good), root, "good", IngestProgress.SILENT);
        ingest.publish("good", CanonicalTables.ALL);
        published = warehouse.requireCurrent(CanonicalTables.TEAMS);
        before = WarehouseFingerprint.of(warehouse, List.of(CanonicalTables.TEAMS));
    }

    static Stream<CSVRecord> cases() throws Exception {
        Reader reader = Files.newBufferedReader(CORPUS.resolve("cases.csv"), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenFileFailsCleanlyOrLoadsAsDeclared(CSVRecord testCase) {
        Path file = CORPUS.resolve(testCase.get("file"));
        SourceProfile profile = "detect".equals(testCase.get("profile")) ? null : TEAMS_DECLARED_UTF8;

        if ("error".equals(testCase.get("outcome"))) {
            assertThatThrownBy(() -> ingest.stage(List.of(file), CORPUS, "bad", IngestProgress.SILENT, profile))
                    .hasMessageContaining(testCase.get("message"));
            ingest.publish("bad", CanonicalTables.ALL);
            assertThat(warehouse.requireCurrent(CanonicalTables.TEAMS)).isEqualTo(published);
            assertThat(WarehouseFingerprint.of(warehouse, List.of(CanonicalTables.TEAMS))).isEqualTo(before);
        } else {
            BatchIngestResult result = ingest.stage(List.of(file), CORPUS, "bad", IngestProgress.SILENT, profile);
            assertThat(result.accepted()).isEqualTo(Long.parseLong(testCase.get("accepted")));
            assertThat(result.rejected()).isEqualTo(Long.parseLong(testCase.get("rejected")));
        }
    }

    @Test
    void aTenMegabyteSingleFieldLoadsWithoutTroubleOrTruncation() throws Exception {
        String huge = "长".repeat(10 * 1024 * 1024 / 3);
        Path file = Files.writeString(root.resolve("ten-megabyte-field.csv"),
                "team_id,team_name,manager_id,region\r\nT1,\"" + huge + "\",R1,华东\r\n", StandardCharsets.UTF_8);

        BatchIngestResult result = ingest.stage(List.of(file), root, "huge", IngestProgress.SILENT);
        ingest.publish("huge", CanonicalTables.ALL);

        assertThat(result.accepted()).isEqualTo(1);
        String sql = "select max(length(team_name)) from read_parquet('"
                + warehouse.requireCurrent(CanonicalTables.TEAMS).parquetGlob() + "')";
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(huge.length());
        }
    }

    @Test
    void aLinkInsideAnAllowedFolderThatPointsOutsideIsRefused() throws Exception {
        Path outside = Files.createTempFile("salesops-outside", ".csv");
        try {
            Files.writeString(outside, "team_id,team_name,manager_id,region\r\nX1,外部,R1,华东\r\n");
            Path link = Files.createSymbolicLink(root.resolve("teams-link.csv"), outside);

            assertThatThrownBy(() -> ingest.stage(List.of(link), root, "link", IngestProgress.SILENT))
                    .hasMessageContaining("teams-link.csv: outside the allowed input folders");
            ingest.publish("link", CanonicalTables.ALL);
            assertThat(WarehouseFingerprint.of(warehouse, List.of(CanonicalTables.TEAMS))).isEqualTo(before);
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
