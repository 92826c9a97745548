package io.salesops.ingest.csv;

import static io.salesops.ingest.DuckDbRows.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.ingest.profile.BuiltInProfiles;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.CanonicalTables;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileIngesterTest {

    static final String REPS_HEADER = "rep_id,rep_name,rep_name_en,email,role,manager_id,team_id,territory_id,hire_date,"
            + "termination_date\r\n";

    @TempDir
    Path dir;

    final CsvFileIngester ingester = new CsvFileIngester(ZoneId.of("Asia/Shanghai"), 0.5);

    @Test
    void goodRowsLoadBadRowsAreQuarantinedWithLineAndColumnAndDuplicatesDrop() throws Exception {
        // given
        Path file = write("reps.csv", REPS_HEADER
                + "R001,张伟,Zhang Wei,zw@example.cn,rep,M01,T1,TE-HD,2023-01-05,\r\n"
                + "R002,李娜,Li Na,,Rep,M01,T1,TE-HD,2023/2/1,\r\n"
                + "R003,王芳,,,rep,M01,T1,TE-HD,2023-13-01,\r\n"
                + ",赵磊,,,rep,M01,T1,TE-HD,2023-01-05,\r\n"
                + "R001,张伟,Zhang Wei,zw@example.cn,rep,M01,T1,TE-HD,2023-01-05,\r\n", StandardCharsets.UTF_8);

        // when
        FileIngestResult result = ingest(file, SourceProfile.canonical(CanonicalTables.REPS));

        // then
        assertThat(result.rowsRead()).isEqualTo(5);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejectsByRule()).isEqualTo(Map.of("date", 1L, "required", 1L));
        assertThat(query("select rep_id, role, hire_date::varchar, _source_line from read_parquet('"
                + dir.resolve("out.parquet") + "') order by rep_id"))
                .containsExactly("R001|rep|2023-01-05|2", "R002|rep|2023-02-01|3");
        assertThat(query("select line, column_name, rule, message from read_parquet('" + dir.resolve("rejects.parquet")
                + "') order by line")).containsExactly(
                "4|hire_date|date|reps.csv line 4, column hire_date: hire_date must be a date like 2025-03-31,"
                        + " 2025/3/31 or 2025年3月31日, cannot be: 2023-13-01",
                "5|rep_id|required|reps.csv line 5, column rep_id: rep_id is required (from rep_id)");
    }

    @Test
    void aGbkKingdeeExportWithChineseHeadersLoadsWithCorrectChineseText() throws Exception {
        // given: no BOM, GBK bytes, semicolon-free comma file as Kingdee writes it
        Path file = write("sales_orders.csv", "单据编号,日期,客户编码,销售员,币别,汇率,税率,价税合计,单据状态\r\n"
                + "SO-001,2025/3/1,C华东01,R001,人民币,1,13%,\"11,300.00\",已发货\r\n", Charset.forName("GBK"));

        // when
        FileIngestResult result = ingest(file, BuiltInProfiles.KINGDEE_SALES_ORDERS);

        // then
        assertThat(result.charset()).isEqualTo("GBK");
        assertThat(query("select order_id, order_date::varchar, customer_id, currency, tax_rate::varchar,"
                + " total_amount::varchar, status from read_parquet('" + dir.resolve("out.parquet") + "')"))
                .containsExactly("SO-001|2025-03-01|C华东01|CNY|0.130000|11300.00|shipped");
    }

    @Test
    void aUtf8BomIsSkippedAndSemicolonsAndQuotedNewlinesAreUnderstood() throws Exception {
        Path file = dir.resolve("teams.csv");
        byte[] body = ("team_id;team_name;manager_id;region\r\nT1;\"华东\n一组\";M01;华东\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);

        FileIngestResult result = ingest(file, SourceProfile.canonical(CanonicalTables.TEAMS));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(query("select team_name from read_parquet('" + dir.resolve("out.parquet") + "')"))
                .containsExactly("华东\n一组");
    }

    @Test
    void tooManyRejectsFailTheFileAndLeaveNoParquetBehind() throws Exception {
        Path file = write("reps.csv", REPS_HEADER
                + "R001,张伟,,,rep,,,,not a date,\r\n"
                + "R002,李娜,,,rep,,,,2023-01-01,\r\n"
                + "R003,王芳,,,boss,,,,2023-01-01,\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ingest(file, SourceProfile.canonical(CanonicalTables.REPS)))
                .isInstanceOf(IngestFileException.class)
                .hasMessageStartingWith("reps.csv: 2 of 3 records rejected (66.7%), above the 50.0% threshold;")
                .hasMessageEndingWith("nothing of this file was published");
        assertThat(dir.resolve("out.parquet")).doesNotExist();
    }

    @Test
    void anUnclosedQuoteAtTheEndFailsTheFileNamingIt() throws Exception {
        Path file = write("reps.csv", REPS_HEADER + "R001,\"张伟,,,rep,,,,2023-01-01,\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ingest(file, SourceProfile.canonical(CanonicalTables.REPS)))
                .isInstanceOf(IngestFileException.class)
                .hasMessageStartingWith("reps.csv: malformed CSV: ");
        assertThat(dir.resolve("out.parquet")).doesNotExist();
    }

    @Test
    void aShortRowIsRejectedAsAColumnCountError() throws Exception {
        Path file = write("reps.csv", REPS_HEADER + "R001,张伟,,,rep,,,,2023-01-01,\r\nR002,李娜\r\n",
                StandardCharsets.UTF_8);

        FileIngestResult result = ingest(file, SourceProfile.canonical(CanonicalTables.REPS));

        assertThat(result.rejectsByRule()).isEqualTo(Map.of("column_count", 1L));
    }

    @Test
    void binaryGarbageIsRefusedAsNotAnExport() throws Exception {
        Path file = dir.resolve("reps.csv");
        Files.write(file, new byte[] {'r', 'e', 'p', 0, 1, 2, (byte) 0xFF});

        assertThatThrownBy(() -> CsvFileIngester.inspect(file, null))
                .hasMessageContaining("not a text export (binary content");
    }

    @Test
    void anEmptyFileSaysItNeedsAHeader() throws Exception {
        Path file = write("reps.csv", "", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvFileIngester.inspect(file, null))
                .hasMessage("reps.csv: the file is empty; an export needs a header line");
    }

    @Test
    void duplicateHeaderNamesAreRefused() throws Exception {
        Path file = write("teams.csv", "team_id,team_name,team_name\r\nT1,a,b\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvFileIngester.inspect(file, null))
                .hasMessageContaining("teams.csv: unreadable header")
                .hasMessageContaining("team_name");
    }

    private FileIngestResult ingest(Path file, SourceProfile profile) throws IOException {
        try (RejectWriter rejects = new RejectWriter(dir.resolve("rejects.parquet"))) {
            return ingester.ingest(file, CsvFileIngester.inspect(file, profile.charset()),
                    file.getFileName().toString(), profile, dir.resolve("out.parquet"), "b1", rejects,
                    IngestProgress.SILENT);
        }
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }
}
