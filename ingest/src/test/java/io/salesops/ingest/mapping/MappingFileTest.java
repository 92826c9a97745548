package io.salesops.ingest.mapping;

import static io.salesops.ingest.DuckDbRows.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.ingest.csv.CsvFileIngester;
import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.RejectWriter;
import io.salesops.ingest.profile.SourceProfile;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {

    static final Path FIXTURES = Path.of("src/test/resources/mapping");

    @TempDir
    Path dir;

    @Test
    void aUsCrmDealsExportLoadsThroughItsMappingWithNoCode() throws Exception {
        // given
        SourceProfile profile = MappingFile.load(FIXTURES.resolve("acme-deals.yaml"));

        // when
        FileIngestResult result = ingest(FIXTURES.resolve("acme-deals.csv"), profile);

        // then: US dates, typo'd stages and owners mapped; the bad date quarantined
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.rejectsByRule()).isEqualTo(Map.of("date", 1L));
        assertThat(query("select opportunity_id, account_id, stage, amount, currency, close_date, owner_rep_id,"
                + " lead_source, is_won, strftime(created_at, '%Y-%m-%d %H:%M') from read_parquet('"
                + dir.resolve("out.parquet") + "') order by 1")).containsExactly(
                "D-1001|ACME-5501|closed_won|12500.00|USD|2025-03-31|R0001|trade_show|true|2025-01-15 01:05",
                "D-1002|ACME-5502|closed_won|8000.00|USD|2025-04-02|R0002|website|true|2025-02-01 06:30",
                "D-1003|null|prospecting|null|USD|null|R0001|referral|false|2025-03-03 00:00");
    }

    @Test
    void distributorOrderLinesMapTheirProductNamesToTheCatalog() throws Exception {
        SourceProfile profile = MappingFile.load(FIXTURES.resolve("distributor-lines.yaml"));

        FileIngestResult result = ingest(FIXTURES.resolve("distributor-lines.csv"), profile);

        assertThat(result.rejected()).isZero();
        assertThat(profile.name()).isEqualTo("distributor-lines");
        assertThat(query("select order_id, line_no, product_id, quantity, unit, net_amount, tax_amount from"
                + " read_parquet('" + dir.resolve("out.parquet") + "') order by 1, 2")).containsExactly(
                "GZ-0001|1|P-TIO2-902|500.000|kg|9000.00|1170.00",
                "SH-0001|1|P-TIO2-902|1000.500|kg|18209.10|2367.18",
                "SH-0001|2|P-EPX-051|2.000|t|42000.00|0.00");
    }

    @Test
    void everyProblemNamesTheLineAndTheKey() {
        String yaml = """
                table: opportunities
                colour: blue
                columns:
                  opportunity_id: Id
                  stage_name: Stage
                  stage: { from: Stage, values: { Won: victory } }
                  close_date: { from: Close, format: "M/d/yyyy QQQQQQ" }
                  amount: { from: Amount, constant: "1" }
                """;

        assertThatThrownBy(() -> MappingFile.parse("deals.yaml", yaml))
                .isInstanceOf(MappingException.class)
                .satisfies(e -> assertThat(((MappingException) e).problems()).containsExactly(
                        "deals.yaml line 2, key colour: is not a known key; allowed are columns, deleted-when, encoding, load,"
                                + " name, table, updated-at",
                        "deals.yaml line 5, key columns.stage_name: opportunities has no column stage_name; its"
                                + " columns are opportunity_id, account_id, opportunity_name, stage, amount, currency,"
                                + " probability, close_date, owner_rep_id, lead_source, campaign_id, forecast_category,"
                                + " is_closed, is_won, created_at",
                        "deals.yaml line 6, key columns.stage.values.Won: stage must be one of [prospecting,"
                                + " qualification, proposal, negotiation, closed_won, closed_lost], cannot be: victory",
                        "deals.yaml line 7, key columns.close_date.format: is not a valid date/time pattern"
                                + " (e.g. M/d/yyyy H:mm, yyyy年M月d日), cannot be: M/d/yyyy QQQQQQ",
                        "deals.yaml line 8, key columns.amount: takes one of from, constant or template, cannot have"
                                + " [from, constant]",
                        "deals.yaml line 4, key columns.opportunity_name: is required by opportunities and not mapped:"
                                + " give it a source column, a constant or a default",
                        "deals.yaml line 4, key columns.currency: is required by opportunities and not mapped: give it"
                                + " a source column, a constant or a default",
                        "deals.yaml line 4, key columns.owner_rep_id: is required by opportunities and not mapped:"
                                + " give it a source column, a constant or a default",
                        "deals.yaml line 4, key columns.is_closed: is required by opportunities and not mapped: give"
                                + " it a source column, a constant or a default",
                        "deals.yaml line 4, key columns.is_won: is required by opportunities and not mapped: give it"
                                + " a source column, a constant or a default",
                        "deals.yaml line 4, key columns.created_at: is required by opportunities and not mapped: give"
                                + " it a source column, a constant or a default"));
    }

    @Test
    void anUnknownTableAndBrokenYamlAreNamed() {
        assertThatThrownBy(() -> MappingFile.parse("m.yaml", "table: deals\ncolumns: {}\n"))
                .hasMessageStartingWith("m.yaml line 1, key table: must be a canonical table (territories, teams,");
        assertThatThrownBy(() -> MappingFile.parse("m.yaml", "table: leads\ncolumns: [\n"))
                .hasMessageStartingWith("m.yaml line 3: not valid YAML:");
    }

    private FileIngestResult ingest(Path file, SourceProfile profile) throws Exception {
        try (RejectWriter rejects = new RejectWriter(dir.resolve("rejects.parquet"))) {
            return new CsvFileIngester(ZoneId.of("Asia/Shanghai"), 0.5).ingest(file,
                    CsvFileIngester.inspect(file, profile.charset()), file.getFileName().toString(), profile,
                    dir.resolve("out.parquet"), "b1", rejects, IngestProgress.SILENT);
        }
    }

    @Test
    void loadSettingsAreCheckedWithTheirLineAndKey() {
        String columns = """
                columns:
                  team_id: Id
                  team_name: Name
                  region: Region
                """;

        assertThatThrownBy(() -> MappingFile.parse("teams.yaml", """
                table: teams
                load: delta
                updated-at: { from: Modified, format: "yyyy-MM-dd QQQQQQ" }
                """ + columns))
                .isInstanceOf(MappingException.class)
                .satisfies(e -> assertThat(((MappingException) e).problems()).containsExactly(
                        "teams.yaml line 2, key load: must be snapshot (a full export) or incremental (changes),"
                                + " cannot be: delta",
                        "teams.yaml line 3, key updated-at.format: is not a valid date-time pattern: yyyy-MM-dd QQQQQQ"));
        assertThatThrownBy(() -> MappingFile.parse("teams.yaml", """
                table: teams
                deleted-when: { from: IsDeleted, values: ["1"] }
                """ + columns))
                .satisfies(e -> assertThat(((MappingException) e).problems()).containsExactly(
                        "teams.yaml line 2, key deleted-when: needs load: incremental; a snapshot export replaces its"
                                + " rows, so it has nothing to delete"));
        assertThat(MappingFile.parse("teams.yaml", """
                table: teams
                load: incremental
                updated-at: Modified
                deleted-when: { from: IsDeleted, values: ["1", "TRUE"] }
                """ + columns).load()).isEqualTo(io.salesops.ingest.profile.LoadRule.incremental("Modified", null,
                "IsDeleted", java.util.Set.of("1", "true")));
    }
}
