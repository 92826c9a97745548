package io.salesops.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generator for real at a tiny scale and checks the files as an ingest would see them. */
class SampleDataGeneratorTest {
    static final GeneratorSettings TINY = new GeneratorSettings(0.002, 7, 6, YearMonth.of(2025, 6));
    private static final Set<String> DIRTY_FILES = Set.of("crm/opportunities.csv", "crm/leads.csv",
            "crm/activities.csv", "erp/sales_orders.csv", "erp/invoices.csv");
    private static final Path GOLDEN_MANIFEST = Path.of("src/test/resources/sample/expected/manifest.json");
    private static final Path ACTUAL_MANIFEST = Path.of("target/sample/actual/manifest.json");

    @TempDir
    static Path dir;
    static GenerationReport report;

    @BeforeAll
    static void generate() throws IOException {
        report = new SampleDataGenerator().generate(TINY, dir);
    }

    @Test
    void sameSettingsGiveByteIdenticalFiles(@TempDir Path again) throws IOException {
        // when
        new SampleDataGenerator().generate(TINY, again);

        // then
        for (FileReport file : report.files()) {
            assertThat(Files.mismatch(dir.resolve(file.path()), again.resolve(file.path()))).as(file.path()).isEqualTo(-1);
        }
        assertThat(Files.mismatch(dir.resolve(SampleManifest.FILE_NAME), again.resolve(SampleManifest.FILE_NAME)))
                .isEqualTo(-1);
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path other) throws IOException {
        // given
        GeneratorSettings otherSeed = new GeneratorSettings(TINY.scale(), TINY.seed() + 1, TINY.months(), TINY.endMonth());

        // when
        new SampleDataGenerator().generate(otherSeed, other);

        // then
        for (String path : List.of("crm/opportunities.csv", "crm/accounts.csv", "erp/order_lines.csv")) {
            assertThat(Files.mismatch(dir.resolve(path), other.resolve(path))).as(path).isNotEqualTo(-1);
        }
    }

    @Test
    void writesOneFilePerCanonicalTable() {
        assertThat(report.files()).extracting(FileReport::table)
                .containsExactlyInAnyOrderElementsOf(CanonicalTables.ALL.stream().map(TableDefinition::name).toList());
    }

    @Test
    void everyFileButTheKingdeeOrdersHasTheCanonicalColumnsAsHeader() {
        for (FileReport file : report.files()) {
            TableDefinition table = table(file.table());
            List<String> header = SampleCsv.header(dir, file.path(), Charset.forName(file.encoding()));
            if (file.path().equals("erp/sales_orders.csv")) {
                assertThat(file.encoding()).isEqualTo("GBK");
                assertThat(header).containsExactly("单据编号", "日期", "客户编码", "销售员", "币别", "汇率", "税率", "价税合计",
                        "单据状态");
            } else {
                assertThat(file.encoding()).isEqualTo("UTF-8");
                assertThat(header).as(file.path()).containsExactlyElementsOf(table.columnNames());
            }
        }
    }

    @Test
    void filesUseCrlfAndNoByteOrderMark() throws IOException {
        for (FileReport file : report.files()) {
            byte[] bytes = Files.readAllBytes(dir.resolve(file.path()));
            assertThat(bytes[0]).as(file.path()).isNotEqualTo((byte) 0xEF);
            String text = new String(bytes, Charset.forName(file.encoding()));
            assertThat(text.replace("\r\n", "")).as(file.path()).doesNotContain("\n");
            assertThat(text).endsWith("\r\n");
        }
    }

    @Test
    void manifestCountsTheRecordsInEachFile() throws IOException {
        // when
        GenerationReport manifest = SampleManifest.read(dir);

        // then
        assertThat(manifest).isEqualTo(report);
        for (FileReport file : manifest.files()) {
            long records = SampleCsv.records(dir, file.path(), Charset.forName(file.encoding())).size();
            assertThat(records).as(file.path()).isEqualTo(file.rows()).isPositive();
        }
    }

    @Test
    void dirtOnlyInTheFiveTransactionFilesAndNoTypoInKingdeeStatuses() {
        Set<String> dirty = report.files().stream().filter(f -> f.dirtyRows() > 0).map(FileReport::path)
                .collect(Collectors.toSet());
        assertThat(DIRTY_FILES).containsAll(dirty);
        assertThat(dirty).contains("crm/leads.csv", "crm/activities.csv");
        assertThat(report.file("erp/sales_orders.csv").orElseThrow().dirt(DirtKind.CATEGORY_TYPO)).isZero();
        for (String path : DIRTY_FILES) {
            FileReport file = report.file(path).orElseThrow();
            assertThat(file.dirtyRows()).as(path).isLessThan(Math.max(10, file.rows() / 50));
        }
    }

    @Test
    void manifestMatchesTheGoldenFile() throws IOException {
        // given
        Files.createDirectories(ACTUAL_MANIFEST.getParent());
        Files.copy(dir.resolve(SampleManifest.FILE_NAME), ACTUAL_MANIFEST,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // when
        String actual = Files.readString(ACTUAL_MANIFEST, StandardCharsets.UTF_8);

        // then
        assertThat(actual).isEqualTo(Files.readString(GOLDEN_MANIFEST, StandardCharsets.UTF_8));
    }

    private static TableDefinition table(String name) {
        return CanonicalTables.ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
