package io.salesops.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.DuckDbRows;
import io.salesops.ingest.batch.ReferenceCheck.Mode;
import io.salesops.ingest.batch.ReferenceReport.TableCheck;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.IngestTables;
import io.salesops.ingest.mapping.MappingFile;
import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports in the canonical format are staged by a real {@link LandingIngest}, checked, then
 * published into a temporary warehouse and read back with DuckDB.
 */
class ReferenceCheckTest {

    static final String ACCOUNTS = "account_id,account_name,created_at\r\n";
    static final String OPPORTUNITIES =
            "opportunity_id,account_id,opportunity_name,stage,currency,owner_rep_id,is_closed,is_won,created_at\r\n";
    static final String REPS = "rep_id,rep_name,role,manager_id,hire_date\r\n";
    static final String ACTIVITIES = "activity_id,activity_type,opportunity_id,rep_id,occurred_at\r\n";

    @TempDir
    Path root;
    Path landing;
    Warehouse warehouse;
    LandingIngest ingest;

    @BeforeEach
    void setUp() {
        landing = root.resolve("landing");
        warehouse = new Warehouse(root.resolve("warehouse"));
        ingest = new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(ZoneId.of("Asia/Shanghai"), 0.5));
    }

    /** Line 3 refers to an account nobody exported; line 4 to none (blank), which is no violation. */
    private void accountsAndOneDanglingOpportunity() throws Exception {
        write("crm/accounts.csv", ACCOUNTS + "A1,华东涂料,2025-01-05 09:00\r\nA2,华南塑料,2025-01-06 09:00\r\n");
        write("crm/opportunities.csv", OPPORTUNITIES
                + "O1,A1,乙酸乙酯年度框架,prospecting,CNY,R1,false,false,2025-01-05 10:00\r\n"
                + "O2,A9,钛白粉试单,proposal,CNY,R1,false,false,2025-01-06 10:00\r\n"
                + "O3,,氧化铁黄补货,prospecting,CNY,R2,false,false,2025-01-07 10:00\r\n");
    }

    @Test
    void rejectQuarantinesTheDanglingRowWithFileLineAndMessage() throws Exception {
        // given
        accountsAndOneDanglingOpportunity();

        // when
        ReferenceReport report = stageAndCheck("b1", Mode.REJECT, "crm/accounts.csv", "crm/opportunities.csv");
        publish("b1");

        // then
        assertThat(report.tables()).containsExactly(new TableCheck("opportunities", 3, 1, Mode.REJECT));
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id, account_id"))
                .containsExactly("O1|A1", "O3|null");
        assertThat(rows(IngestTables.REJECTS, "table_name, batch_id, source_file, line, column_name, rule, message"))
                .containsExactly("opportunities|b1|crm/opportunities.csv|3|account_id|reference|"
                        + "crm/opportunities.csv line 3, column account_id: A9 is not an account_id of accounts");
        assertThat(rows(IngestTables.REJECTS, "raw_record")).singleElement().asString()
                .startsWith("O2,A9,钛白粉试单,proposal,,CNY,");
        assertThat(warehouse.current(IngestTables.WARNINGS)).isEmpty();
    }

    @Test
    void warnLoadsTheDanglingRowAndRecordsItAsAWarning() throws Exception {
        // given
        accountsAndOneDanglingOpportunity();

        // when
        ReferenceReport report = stageAndCheck("b1", Mode.WARN, "crm/accounts.csv", "crm/opportunities.csv");
        publish("b1");

        // then
        assertThat(report.tables()).containsExactly(new TableCheck("opportunities", 3, 1, Mode.WARN));
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id")).containsExactly("O1", "O2", "O3");
        assertThat(rows(IngestTables.WARNINGS, "table_name, source_file, line, column_name, rule, message"))
                .containsExactly("opportunities|crm/opportunities.csv|3|account_id|reference|"
                        + "crm/opportunities.csv line 3, column account_id: A9 is not an account_id of accounts");
        assertThat(rows(IngestTables.REJECTS, "line")).isEmpty();
    }

    @Test
    void offChecksNothing() throws Exception {
        accountsAndOneDanglingOpportunity();

        ReferenceReport report = stageAndCheck("b1", Mode.OFF, "crm/accounts.csv", "crm/opportunities.csv");
        publish("b1");

        assertThat(report.tables()).isEmpty();
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id")).containsExactly("O1", "O2", "O3");
        assertThat(rows(IngestTables.REJECTS, "line")).isEmpty();
        assertThat(warehouse.hasPendingPublish(IngestTables.WARNINGS, "b1")).isFalse();
        assertThat(warehouse.current(IngestTables.WARNINGS)).isEmpty();
    }

    @Test
    void aReferenceToATableNeverLoadedIsNotCheckedRatherThanFlaggingEveryRow() throws Exception {
        // given: opportunities, and no accounts anywhere (not in the batch, never published)
        accountsAndOneDanglingOpportunity();

        // when
        ReferenceReport report = stageAndCheck("b1", Mode.REJECT, "crm/opportunities.csv");
        publish("b1");

        // then
        assertThat(report.violations()).isZero();
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id")).containsExactly("O1", "O2", "O3");
        assertThat(rows(IngestTables.REJECTS, "line")).isEmpty();
    }

    @Test
    void aChildWhoseParentIsNotInTheBatchIsCheckedAgainstThePublishedParent() throws Exception {
        // given: accounts published by b1
        write("crm/accounts.csv", ACCOUNTS + "A1,华东涂料,2025-01-05 09:00\r\n");
        stageAndCheck("b1", Mode.REJECT, "crm/accounts.csv");
        publish("b1");
        write("crm/opportunities.csv", OPPORTUNITIES
                + "O1,A1,乙酸乙酯年度框架,prospecting,CNY,R1,false,false,2025-01-05 10:00\r\n"
                + "O2,A2,钛白粉试单,proposal,CNY,R1,false,false,2025-01-06 10:00\r\n");

        // when
        ReferenceReport report = stageAndCheck("b2", Mode.REJECT, "crm/opportunities.csv");
        publish("b2");

        // then
        assertThat(report.tables()).containsExactly(new TableCheck("opportunities", 2, 1, Mode.REJECT));
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id")).containsExactly("O1");
        assertThat(rows(IngestTables.REJECTS, "line, message"))
                .containsExactly("3|crm/opportunities.csv line 3, column account_id: A2"
                        + " is not an account_id of accounts");
    }

    @Test
    void aParentExportedAgainIsCheckedAsItWillBePublished() throws Exception {
        // given: two account exports published by b1; b2 brings a new export of one of them without A1
        write("crm/accounts.csv", ACCOUNTS + "A1,华东涂料,2025-01-05 09:00\r\n");
        write("crm/accounts-south.csv", ACCOUNTS + "A2,华南塑料,2025-01-06 09:00\r\n");
        stageAndCheck("b1", Mode.REJECT, "crm/accounts.csv", "crm/accounts-south.csv");
        publish("b1");
        write("crm/accounts.csv", ACCOUNTS + "A3,华北医药,2025-02-01 09:00\r\n");
        write("crm/opportunities.csv", OPPORTUNITIES
                + "O1,A1,乙酸乙酯年度框架,prospecting,CNY,R1,false,false,2025-01-05 10:00\r\n"
                + "O2,A2,钛白粉试单,proposal,CNY,R1,false,false,2025-01-06 10:00\r\n"
                + "O3,A3,氧化铁黄补货,prospecting,CNY,R2,false,false,2025-02-01 10:00\r\n");

        // when
        ReferenceReport report = stageAndCheck("b2", Mode.REJECT, "crm/accounts.csv", "crm/opportunities.csv");
        publish("b2");

        // then: A2 is carried over from the other export, A3 is staged, A1 is gone with the old export
        assertThat(report.tables()).containsExactly(new TableCheck("opportunities", 3, 1, Mode.REJECT));
        assertThat(rows(CanonicalTables.ACCOUNTS, "account_id")).containsExactly("A2", "A3");
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id")).containsExactly("O2", "O3");
        assertThat(rows(IngestTables.REJECTS, "message"))
                .containsExactly("crm/opportunities.csv line 2, column account_id: A1"
                        + " is not an account_id of accounts");
    }

    @Test
    void aRowRejectedForItsParentTakesTheRowsReferringToItAlong() throws Exception {
        // given: O2 refers to a missing account, X2 to O2; R3's manager R2 has a missing manager
        accountsAndOneDanglingOpportunity();
        write("org/reps.csv", REPS + "R1,王立,director,,2020-03-01\r\nR2,陈洁,manager,R9,2021-04-01\r\n"
                + "R3,李娜,rep,R2,2022-05-01\r\n");
        write("crm/activities.csv", ACTIVITIES + "X1,call,O1,R1,2025-01-08 10:00\r\n"
                + "X2,visit,O2,R1,2025-01-09 10:00\r\n");

        // when
        ReferenceReport report = stageAndCheck("b1", Mode.REJECT, "crm/accounts.csv", "crm/opportunities.csv",
                "org/reps.csv", "crm/activities.csv");
        publish("b1");

        // then
        assertThat(report.tables()).containsExactly(new TableCheck("opportunities", 3, 1, Mode.REJECT),
                new TableCheck("reps", 3, 2, Mode.REJECT), new TableCheck("activities", 2, 1, Mode.REJECT));
        assertThat(rows(CanonicalTables.ACTIVITIES, "activity_id")).containsExactly("X1");
        assertThat(rows(CanonicalTables.REPS, "rep_id")).containsExactly("R1");
        assertThat(rows(IngestTables.REJECTS, "table_name, line, message")).containsExactly(
                "activities|3|crm/activities.csv line 3, column opportunity_id: O2"
                        + " is not an opportunity_id of opportunities",
                "opportunities|3|crm/opportunities.csv line 3, column account_id: A9 is not an account_id of accounts",
                "reps|3|org/reps.csv line 3, column manager_id: R9 is not a rep_id of reps",
                "reps|4|org/reps.csv line 4, column manager_id: R2 is not a rep_id of reps");
    }

    @Test
    void aRejectedIncrementalChangeLeavesTheRowAsItWas() throws Exception {
        // given: O-1 loaded with account A-1; a later change moves it to an account nobody exported
        SourceProfile changes = MappingFile.load(Path.of("src/test/resources/incremental/deal-changes.yaml"));
        write("crm/accounts.csv", ACCOUNTS + "A-1,华东涂料,2025-01-05 09:00\r\n");
        String header = "Id,Name,Account,Stage,Amount,Close,Owner,Closed,Won,Created,Modified,Deleted\r\n";
        write("crm/deals-1.csv", header
                + "O-1,乙酸乙酯,A-1,qualification,100000.00,,R1,,,2025-01-05 09:00,2025-01-05 09:00,\r\n");
        stageAndCheck("b1", Mode.REJECT, "crm/accounts.csv");
        publish("b1");
        ingest(Mode.REJECT).stage(List.of(landing.resolve("crm/deals-1.csv")), landing, "b1i", IngestProgress.SILENT,
                changes);
        publish("b1i");
        write("crm/deals-2.csv", header
                + "O-1,乙酸乙酯,A-9,proposal,120000.00,,R1,,,2025-01-05 09:00,2025-02-10 16:20,\r\n"
                + "O-2,钛白粉,A-1,prospecting,20000.00,,R2,,,2025-02-11 09:00,2025-02-11 09:00,\r\n");

        // when
        ReferenceReport report = ingest(Mode.REJECT).stage(List.of(landing.resolve("crm/deals-2.csv")), landing, "b2",
                IngestProgress.SILENT, changes).references();
        publish("b2");

        // then
        assertThat(report.tables()).containsExactly(new TableCheck("opportunities", 2, 1, Mode.REJECT));
        assertThat(rows(CanonicalTables.OPPORTUNITIES, "opportunity_id, account_id, stage, _ingest_batch"))
                .containsExactly("O-1|A-1|qualification|b1i", "O-2|A-1|prospecting|b2");
        assertThat(rows(IngestTables.REJECTS, "source_file, line, column_name"))
                .containsExactly("crm/deals-2.csv|2|account_id");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REJECT", "WARN"})
    void aNewExportOfTheChildFileReplacesItsFindings(Mode mode) throws Exception {
        // given
        accountsAndOneDanglingOpportunity();
        stageAndCheck("b1", mode, "crm/accounts.csv", "crm/opportunities.csv");
        publish("b1");
        TableDefinition findings = mode == Mode.REJECT ? IngestTables.REJECTS : IngestTables.WARNINGS;
        assertThat(rows(findings, "line")).containsExactly("3");
        write("crm/opportunities.csv", OPPORTUNITIES
                + "O2,A2,钛白粉试单,proposal,CNY,R1,false,false,2025-01-06 10:00\r\n");

        // when
        ReferenceReport report = stageAndCheck("b2", mode, "crm/opportunities.csv");
        publish("b2");

        // then
        assertThat(report.violations()).isZero();
        assertThat(rows(findings, "line")).isEmpty();
    }

    /** Stages the files with the reference rule set to {@code mode}; the check runs as the batch finishes. */
    private ReferenceReport stageAndCheck(String batch, Mode mode, String... files) {
        return ingest(mode).stage(List.of(files).stream().map(landing::resolve).toList(), landing, batch,
                IngestProgress.SILENT).references();
    }

    private LandingIngest ingest(Mode mode) {
        return new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(ZoneId.of("Asia/Shanghai"), 0.5).withReferences(mode));
    }

    private void publish(String batch) {
        ingest.publish(batch, CanonicalTables.ALL);
    }

    private void write(String name, String content) throws Exception {
        Path file = landing.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** The current rows of a table (none without a version or files), the columns joined by "|", sorted. */
    private List<String> rows(TableDefinition table, String columns) throws Exception {
        Optional<TableVersion> current = warehouse.current(table);
        if (current.isEmpty() || current.get().parquetFiles().isEmpty()) {
            return List.of();
        }
        return DuckDbRows.query("select " + columns + " from read_parquet('" + current.get().parquetGlob()
                + "') order by all");
    }
}
