package io.salesops.warehouse.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalystDatabaseTest {

    static final TableDefinition PEOPLE = TableDefinition.builder("people", Zone.CURATED, "test")
            .key("person_id")
            .required("person_id", ColumnType.STRING, "id")
            .pii("person_name", true, "name")
            .required("amount", ColumnType.MONEY, "money")
            .required("born", ColumnType.DATE, "date")
            .required("seen_at", ColumnType.TIMESTAMP, "instant")
            .build();

    @TempDir
    Path dataDir;
    AnalystDatabase analyst;

    @BeforeEach
    void publishOneTable() throws IOException {
        Warehouse warehouse = new Warehouse(dataDir.resolve("warehouse"));
        Path staging = warehouse.stage(PEOPLE, "b1");
        try (ParquetRowWriter writer = new ParquetRowWriter(staging.resolve("part-0.parquet"), "people",
                PEOPLE.storedColumns())) {
            writer.write(new Object[] {"p1", "张伟", new BigDecimal("1234.50"), LocalDate.of(1990, 2, 3),
                    Instant.parse("2025-03-04T08:15:00Z"), "crm/people.csv", 2L, "b1", null});
            writer.write(new Object[] {"p2", "李娜", new BigDecimal("-0.01"), LocalDate.of(2001, 12, 31),
                    Instant.parse("2025-03-04T23:59:59.123456Z"), "crm/people.csv", 3L, "b1", null});
        }
        warehouse.publish(PEOPLE, "b1");
        analyst = new AnalystDatabase(dataDir);
        analyst.refresh(warehouse, List.of(PEOPLE));
    }

    @Test
    void viewsReadExactDecimalsDatesAndUtcInstants() {
        QueryResult result = analyst.query("select person_id, amount, born, epoch_us(seen_at) from people"
                + " order by person_id", 10);
        assertThat(result.rows()).containsExactly(
                List.of("p1", "1234.50", "1990-02-03", "1741076100000000"),
                List.of("p2", "-0.01", "2001-12-31", "1741132799123456"));
    }

    @Test
    void personalDataIsMaskedInTheAnalystFileAndPlainInThePrivateOne() throws Exception {
        assertThat(analyst.query("select person_name from people order by person_id", 10).rows())
                .containsExactly(List.of("张***"), List.of("李***"));
        Path privateFile = dataDir.resolve(AnalystDatabase.PRIVATE_FILE_NAME);
        assertThat(Files.getPosixFilePermissions(privateFile)).hasSize(2);
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + privateFile);
             var rs = connection.createStatement().executeQuery(
                     "select person_name from private.people order by person_id")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("张伟");
        }
    }

    @Test
    void lineageAndVersionsAreQueryable() {
        assertThat(analyst.query("select _source_file, _source_line from people order by 2", 10).rows())
                .containsExactly(List.of("crm/people.csv", "2"), List.of("crm/people.csv", "3"));
        assertThat(analyst.query("select table_name, version, row_count from warehouse_versions", 10).rows())
                .containsExactly(List.of("people", "1", "2"));
    }

    @Test
    void writesAreRefusedWithTheReasonAndChangeNothing() {
        assertThatThrownBy(() -> analyst.query("drop table people", 10))
                .hasMessageStartingWith("the analyst database is read-only: DROP statements are refused");
        assertThatThrownBy(() -> analyst.query("/* hide */ COPY people TO '/tmp/x.csv'", 10))
                .hasMessageStartingWith("the analyst database is read-only: COPY statements are refused");
        assertThatThrownBy(() -> analyst.query("select 1; select 2", 10))
                .hasMessage("only one statement per query is allowed, DuckDB's parser found 2");
        assertThatThrownBy(() -> analyst.query("attach 'x.duckdb' as x", 10))
                .hasMessageStartingWith("the analyst database is read-only: ATTACH");
        assertThat(analyst.query("select count(*) from people", 10).rows()).containsExactly(List.of("2"));
    }

    @Test
    void aPublishedVersionWithoutFilesIsAnEmptyViewWithItsColumns() throws IOException {
        // given: the next version of people is published empty
        Warehouse warehouse = new Warehouse(dataDir.resolve("warehouse"));
        warehouse.stage(PEOPLE, "b2");
        warehouse.publish(PEOPLE, "b2");

        // when
        analyst.refresh(warehouse, List.of(PEOPLE));

        // then
        assertThat(analyst.query("select count(*), count(amount) from people", 10).rows())
                .containsExactly(List.of("0", "0"));
    }

    /**
     * A version can hold files written before a column was added (a mart's earlier partitions are
     * carried over as they were written): the view reads every file by column name, and the older
     * file's rows have no value in the new column, whichever file DuckDB opens first.
     */
    @Test
    void filesWrittenBeforeAColumnWasAddedReadAsNullInIt() throws IOException {
        Warehouse warehouse = new Warehouse(dataDir.resolve("warehouse"));
        Path staging = warehouse.stage(PEOPLE, "b3");
        List<io.salesops.warehouse.model.Column> withoutName = PEOPLE.storedColumns().stream()
                .filter(column -> !column.name().equals("person_name")).toList();
        try (ParquetRowWriter older = new ParquetRowWriter(staging.resolve("part-0.parquet"), "people", withoutName);
             ParquetRowWriter newer = new ParquetRowWriter(staging.resolve("part-1.parquet"), "people",
                     PEOPLE.storedColumns())) {
            older.write(new Object[] {"p3", new BigDecimal("1.00"), LocalDate.of(1980, 1, 1),
                    Instant.parse("2025-03-05T00:00:00Z"), "crm/old.csv", 2L, "b3", null});
            newer.write(new Object[] {"p4", "王芳", new BigDecimal("2.00"), LocalDate.of(1985, 5, 5),
                    Instant.parse("2025-03-05T00:00:00Z"), "crm/new.csv", 2L, "b3", null});
        }
        warehouse.publish(PEOPLE, "b3");

        analyst.refresh(warehouse, List.of(PEOPLE));

        assertThat(analyst.query("select person_id, person_name, amount from people order by person_id", 10).rows())
                .containsExactly(Arrays.asList("p3", null, "1.00"), Arrays.asList("p4", "王***", "2.00"));
    }

    @Test
    void aSemicolonInsideAStringIsNotASecondStatement() {
        assertThat(analyst.query("select 'a;b' as s;", 10).rows()).containsExactly(List.of("a;b"));
    }

    @Test
    void sqlErrorsAreReportedOnOneLine() {
        assertThatThrownBy(() -> analyst.query("select nope from people", 10))
                .hasMessageStartingWith("query failed: ")
                .hasMessageContaining("nope")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static final TableDefinition FINDINGS = TableDefinition.builder("findings", Zone.SYSTEM, "test")
            .key("table_name", "source_file", "line")
            .required("table_name", ColumnType.STRING, "table")
            .required("source_file", ColumnType.STRING, "file")
            .required("line", ColumnType.LONG, "line")
            .optional("column_name", ColumnType.STRING, "column")
            .required("rule", ColumnType.STRING, "rule")
            .required("message", ColumnType.STRING, "message")
            .optional("raw_record", ColumnType.STRING, "record")
            .build();

    /**
     * The masked file is self-contained: tables, not views over Parquet paths, so no client that
     * opens it can reach the unmasked files through it; quarantined records of a personal table
     * keep no raw record and no message about a personal column.
     */
    @Test
    void theMaskedFileHoldsCopiesWithoutPathsAndNoPersonalValueOfARejectedRecord() throws Exception {
        // given: a rejected record of people (its name in the record and in the message) and one of another table
        Warehouse warehouse = new Warehouse(dataDir.resolve("warehouse"));
        Path staging = warehouse.stage(FINDINGS, "b9");
        try (ParquetRowWriter writer = new ParquetRowWriter(staging.resolve("part-0.parquet"), "findings",
                FINDINGS.storedColumns())) {
            writer.write(new Object[] {"people", "crm/people.csv", 4L, "person_name", "required",
                    "person_name 王小明 too long", "p5,王小明,3.00", "crm/people.csv", 2L, "b9", null});
            writer.write(new Object[] {"people", "crm/people.csv", 5L, "amount", "number",
                    "amount: not a number: x", "p6,赵六,x", "crm/people.csv", 3L, "b9", null});
            writer.write(new Object[] {"orders", "erp/orders.csv", 7L, "amount", "number",
                    "amount: not a number: y", "o1,y", "erp/orders.csv", 4L, "b9", null});
        }
        warehouse.publish(FINDINGS, "b9");

        // when
        analyst.refresh(warehouse, List.of(PEOPLE, FINDINGS));

        // then
        assertThat(analyst.query("select table_name, line, message, raw_record from findings order by line", 10)
                .rows()).containsExactly(
                Arrays.asList("people", "4", "(personal value: the message is in analyst-private.duckdb)", null),
                Arrays.asList("people", "5", "amount: not a number: x", null),
                Arrays.asList("orders", "7", "amount: not a number: y", "o1,y"));
        assertThat(analyst.query("select count(*) from duckdb_views() where not internal", 10).rows())
                .containsExactly(List.of("0"));
        assertThat(analyst.query("select string_agg(sql, ' ') from duckdb_tables()", 10).rows().get(0).get(0))
                .doesNotContain("parquet", dataDir.toString());
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:"
                + dataDir.resolve(AnalystDatabase.PRIVATE_FILE_NAME));
             var rs = connection.createStatement().executeQuery(
                     "select raw_record from private.findings where line = 4")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("p5,王小明,3.00");
        }
    }

    @Test
    void bothFilesAreOwnerOnlyAndReadableByAnOlderDuckDbStorageVersion() throws Exception {
        for (String name : List.of(AnalystDatabase.FILE_NAME, AnalystDatabase.PRIVATE_FILE_NAME)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDir.resolve(name)))).as(name).isEqualTo("rw-------");
        }
        // DuckDB's file header: checksum (8 bytes), "DUCK", the storage version number (little-endian);
        // 67 is DuckDB 1.4's format; Python's duckdb 1.5 reads 64 to 68, the JDBC driver's own default is newer
        for (String name : List.of(AnalystDatabase.FILE_NAME, AnalystDatabase.PRIVATE_FILE_NAME)) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(Files.readAllBytes(dataDir.resolve(name)), 0, 20)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(header.array(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DUCK");
            assertThat(header.getLong(12)).as(name).isEqualTo(67);
        }
    }

    @Test
    void aRefreshCopiesAgainOnlyTheTablesWhoseVersionChangedAndStaysInTheOlderStorageVersion() throws Exception {
        // given: findings published too, and a mark left in the masked copy of people (whose
        // version does not change), which a refresh that copied people again would overwrite
        Warehouse warehouse = new Warehouse(dataDir.resolve("warehouse"));
        Path staging = warehouse.stage(FINDINGS, "b9");
        try (ParquetRowWriter writer = new ParquetRowWriter(staging.resolve("part-0.parquet"), "findings",
                FINDINGS.storedColumns())) {
            writer.write(new Object[] {"orders", "erp/orders.csv", 7L, "amount", "number",
                    "amount: not a number: y", "o1,y", "erp/orders.csv", 4L, "b9", null});
        }
        warehouse.publish(FINDINGS, "b9");
        analyst.refresh(warehouse, List.of(PEOPLE, FINDINGS));
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:"
                + dataDir.resolve(AnalystDatabase.FILE_NAME)); var sql = connection.createStatement()) {
            sql.execute("update people set person_name = 'kept' where person_id = 'p2'");
        }
        Path next = warehouse.stage(FINDINGS, "b10");
        try (ParquetRowWriter writer = new ParquetRowWriter(next.resolve("part-0.parquet"), "findings",
                FINDINGS.storedColumns())) {
            writer.write(new Object[] {"orders", "erp/orders.csv", 8L, "amount", "number",
                    "amount: not a number: z", "o2,z", "erp/orders.csv", 5L, "b10", null});
        }
        warehouse.publish(FINDINGS, "b10");

        // when
        analyst.refresh(warehouse, List.of(PEOPLE, FINDINGS));

        // then: people kept from the previous file, findings read from its new version
        assertThat(analyst.query("select person_name from people order by person_id", 10).rows())
                .containsExactly(List.of("张***"), List.of("kept"));
        assertThat(analyst.query("select line from findings", 10).rows()).containsExactly(List.of("8"));
        assertThat(analyst.query("select table_name, version from warehouse_versions order by 1", 10).rows())
                .containsExactly(List.of("findings", "2"), List.of("people", "1"));
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(Files.readAllBytes(dataDir.resolve(
                AnalystDatabase.FILE_NAME)), 0, 20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getLong(12)).isEqualTo(67);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(AnalystDatabase.FILE_NAME)))).isEqualTo("rw-------");

        // and a table no longer published is dropped
        analyst.refresh(warehouse, List.of(FINDINGS));
        assertThat(analyst.query("select table_name from duckdb_tables() order by 1", 10).rows())
                .containsExactly(List.of("analyst_refresh_state"), List.of("findings"), List.of("warehouse_versions"));
    }

    @Test
    void aFileThatDoesNotSayWhatItWasBuiltFromIsBuiltWhole() throws Exception {
        // given: an analyst.duckdb of another release: an unmasked table and no refresh state
        Files.delete(dataDir.resolve(AnalystDatabase.FILE_NAME));
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:"
                + dataDir.resolve(AnalystDatabase.FILE_NAME)); var sql = connection.createStatement()) {
            sql.execute("create table people as select 'p1' as person_id, '张伟' as person_name");
        }

        // when
        analyst.refresh(new Warehouse(dataDir.resolve("warehouse")), List.of(PEOPLE));

        // then
        assertThat(analyst.query("select person_name from people order by person_id", 10).rows())
                .containsExactly(List.of("张***"), List.of("李***"));
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(Files.readAllBytes(dataDir.resolve(
                AnalystDatabase.FILE_NAME)), 0, 20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getLong(12)).isEqualTo(67);
    }
}
