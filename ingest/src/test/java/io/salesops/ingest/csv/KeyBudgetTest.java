package io.salesops.ingest.csv;

import static io.salesops.ingest.DuckDbRows.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.CanonicalTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose keys pass the in-memory budget is deduplicated by DuckDB instead, with the same
 * outcome: the first record per key, the same counts.
 */
class KeyBudgetTest {

    @TempDir
    Path dir;

    @Test
    void duplicatesPastTheBudgetAreDroppedExactlyAsInMemory() throws Exception {
        // given: 3,000 teams where every 7th record repeats an earlier team with other text
        StringBuilder csv = new StringBuilder("team_id,team_name,manager_id,region\r\n");
        int duplicates = 0;
        for (int i = 0; i < 3000; i++) {
            if (i % 7 == 6) {
                csv.append("T").append(i - 3).append(",later copy ").append(i).append(",M1,华东\r\n");
                duplicates++;
            } else {
                csv.append("T").append(i).append(",团队").append(i).append(",M1,华东\r\n");
            }
        }
        Path file = Files.writeString(dir.resolve("teams.csv"), csv, StandardCharsets.UTF_8);

        // when: once with room for every key, once with a budget the set passes at once
        FileIngestResult inMemory = ingest(file, CsvFileIngester.DEFAULT_DEDUPE_BUDGET, "memory");
        FileIngestResult spilled = ingest(file, 0, "spilled");

        // then
        assertThat(inMemory.duplicates()).isEqualTo(duplicates);
        assertThat(spilled.duplicates()).isEqualTo(duplicates);
        assertThat(spilled.accepted()).isEqualTo(inMemory.accepted()).isEqualTo(3000 - duplicates);
        List<String> memoryRows = rows("memory");
        assertThat(rows("spilled")).isEqualTo(memoryRows);
        assertThat(memoryRows).noneMatch(row -> row.contains("later copy"));
    }

    @Test
    void theKeySetTellsDuplicatesApartExactly() {
        NaturalKeySet keys = new NaturalKeySet(1L << 30);
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.add("K" + i)).isEqualTo(NaturalKeySet.Outcome.NEW);
        }
        assertThat(keys.add("K199999")).isEqualTo(NaturalKeySet.Outcome.DUPLICATE);
        assertThat(keys.add("K0")).isEqualTo(NaturalKeySet.Outcome.DUPLICATE);
        assertThat(keys.add("K200000")).isEqualTo(NaturalKeySet.Outcome.NEW);
        assertThat(keys.add("客户-1")).isEqualTo(NaturalKeySet.Outcome.NEW);
        assertThat(keys.add("客户-1")).isEqualTo(NaturalKeySet.Outcome.DUPLICATE);
        String longKey = "K".repeat(300); // a length that takes two bytes to store
        assertThat(keys.add(longKey)).isEqualTo(NaturalKeySet.Outcome.NEW);
        assertThat(keys.add("K".repeat(299) + "L")).isEqualTo(NaturalKeySet.Outcome.NEW);
        assertThat(keys.add(longKey)).isEqualTo(NaturalKeySet.Outcome.DUPLICATE);
        assertThat(keys.size()).isEqualTo(200_004);
    }

    @Test
    void aFullSetStillRecognisesKeysItHolds() {
        NaturalKeySet keys = new NaturalKeySet(0);
        assertThat(keys.add("A")).isEqualTo(NaturalKeySet.Outcome.FULL);
        assertThat(keys.size()).isZero();
    }

    private FileIngestResult ingest(Path file, long budget, String name) throws IOException {
        CsvFileIngester ingester = new CsvFileIngester(ZoneId.of("Asia/Shanghai"), 0.5, budget);
        try (RejectWriter rejects = new RejectWriter(dir.resolve(name + "-rejects.parquet"))) {
            return ingester.ingest(file, CsvFileIngester.inspect(file, null), "teams.csv",
                    SourceProfile.canonical(CanonicalTables.TEAMS), dir.resolve(name + ".parquet"), "b1", rejects,
                    IngestProgress.SILENT);
        }
    }

    private List<String> rows(String name) throws Exception {
        return query("select team_id, team_name, _source_line from read_parquet('" + dir.resolve(name + ".parquet")
                + "') order by _source_line");
    }
}
