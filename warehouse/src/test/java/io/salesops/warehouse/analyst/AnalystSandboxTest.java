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
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements an attacker or a careless analyst might send through {@code salesops query}: each is
 * refused by DuckDB (its parser, its read-only mode, its disabled file access, its locked
 * configuration) with a one-line message, and nothing anywhere on disk changes. The first group
 * are the reproductions of issue 24; the rest are variants of our own.
 */
class AnalystSandboxTest {

    static final TableDefinition PEOPLE = TableDefinition.builder("people", Zone.CURATED, "test")
            .key("person_id")
            .required("person_id", ColumnType.STRING, "id")
            .pii("person_name", true, "name")
            .required("amount", ColumnType.MONEY, "money")
            .build();

    @TempDir
    static Path root;
    static Path data;
    static Path outside;
    static AnalystDatabase analyst;

    record Escape(String sql, String refusal) {
        @Override
        public String toString() {
            return sql;
        }
    }

    @BeforeAll
    static void aDataDirectoryWithAPlanAndBothDatabases() throws IOException {
        data = Files.createDirectories(root.resolve("data"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(data.resolve("commissions/plans"));
        Files.writeString(data.resolve("commissions/plans/sales-rep.yaml"), "rate: 1.5%\n");
        Warehouse warehouse = new Warehouse(data.resolve("warehouse"));
        Path staging = warehouse.stage(PEOPLE, "b1");
        try (ParquetRowWriter writer = new ParquetRowWriter(staging.resolve("part-0.parquet"), "people",
                PEOPLE.storedColumns())) {
            writer.write(new Object[] {"p1", "张伟", new BigDecimal("10.00"), "crm/people.csv", 2L, "b1", null});
        }
        warehouse.publish(PEOPLE, "b1");
        analyst = new AnalystDatabase(data);
        analyst.refresh(warehouse, List.of(PEOPLE));
    }

    static Stream<Escape> escapes() {
        String plan = data.resolve("commissions/plans/sales-rep.yaml").toString();
        String parquet = data.resolve("warehouse/curated/people").toString() + "/*/*.parquet";
        String out = outside.resolve("x.csv").toString();
        String readOnly = "the analyst database is read-only: ";
        String noFiles = "file system operations are disabled by configuration";
        String oneStatement = "only one statement per query is allowed";
        String notAQuery = readOnly + "the text holds a statement that is not a query";
        return Stream.of(
                // issue 24, as reported
                new Escape("SELECT $$'$$; COPY (select 42 a) TO '" + out + "'; SELECT $$'$$ AS x", notAQuery),
                new Escape("EXPLAIN ANALYZE COPY (select 1 a) TO '" + out + "'", readOnly + "EXPLAIN"),
                new Escape("select content from read_text('" + plan + "')", noFiles),
                new Escape("COPY (select replace(content, 'rate: 1.5%', 'rate: 15%') from read_text('" + plan
                        + "')) TO '" + plan + "' (HEADER false, QUOTE '')", readOnly + "COPY"),
                new Escape("select * from read_csv('/etc/passwd')", noFiles),
                new Escape("select * from read_text('/etc/hostname')", noFiles),
                new Escape("select * from glob('/root/*')", noFiles),
                new Escape("ATTACH '" + data.resolve(AnalystDatabase.PRIVATE_FILE_NAME) + "' AS p (READ_ONLY)",
                        readOnly + "ATTACH"),
                new Escape("SET threads = 1", readOnly + "SET"),
                new Escape("PRAGMA threads = 1", readOnly + "PRAGMA"),
                new Escape("CALL pragma_version()", readOnly + "CALL"),
                new Escape("CREATE TEMP TABLE t AS SELECT 1 AS a", readOnly + "CREATE"),
                new Escape("CREATE TEMP MACRO m() AS 1", readOnly + "CREATE"),
                new Escape("INSTALL httpfs", readOnly + "INSTALL"),
                new Escape("select * from read_parquet('" + parquet + "')", noFiles),
                // our own
                new Escape("ATTACH ':memory:' AS m", readOnly + "ATTACH"),
                new Escape("ATTACH '" + outside.resolve("new.duckdb") + "' AS n", readOnly + "ATTACH"),
                new Escape("COPY FROM DATABASE analyst TO memory", readOnly + "COPY"),
                new Escape("EXPORT DATABASE '" + outside.resolve("export") + "'", readOnly + "EXPORT"),
                new Escape("select * from read_json('" + outside.resolve("x.json") + "')", noFiles),
                new Escape("select * from read_blob('" + data.resolve(AnalystDatabase.PRIVATE_FILE_NAME) + "')",
                        noFiles),
                new Escape("select * from read_parquet('https://example.com/people.parquet')", noFiles),
                new Escape("select * from read_csv('s3://bucket/people.csv')", noFiles),
                new Escape("CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 'v')", readOnly + "CREATE"),
                new Escape("LOAD httpfs", readOnly + "LOAD"),
                new Escape("SET enable_external_access = true", readOnly + "SET"),
                new Escape("RESET lock_configuration", readOnly + "RESET"),
                new Escape("select ';' as a; COPY people TO '" + out + "'", notAQuery),
                new Escape("select 1 /* ; */; DROP TABLE people", notAQuery),
                new Escape("select 1 -- ;\n; DROP TABLE people", notAQuery),
                new Escape("select $tag$;$tag$ as a; UPDATE people SET amount = 0", notAQuery),
                new Escape("/* a comment first */ DELETE FROM people", readOnly + "DELETE"),
                new Escape("WITH x AS (SELECT 1) INSERT INTO people SELECT * FROM people", notAQuery),
                new Escape("EXPLAIN ANALYZE INSERT INTO people SELECT * FROM people", readOnly + "EXPLAIN"),
                new Escape("select * from query('COPY people TO ''" + out + "''')", "query failed: "),
                new Escape("select * from sniff_csv('/etc/passwd')", noFiles),
                new Escape("select * from parquet_metadata('" + parquet + "')", noFiles),
                new Escape("DETACH analyst", readOnly + "DETACH"),
                new Escape("USE memory", readOnly + "USE"),
                new Escape("CHECKPOINT", readOnly + "CHECKPOINT"),
                new Escape("VACUUM", readOnly + "VACUUM"),
                new Escape("(DROP TABLE people)", "query failed: "),
                new Escape("select 1; select * from read_csv('/etc/passwd')", oneStatement + ", DuckDB's parser found 2"),
                new Escape("select 42; select 43", oneStatement + ", DuckDB's parser found 2"));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void isRefusedOnOneLineAndChangesNothingOnDisk(Escape escape) throws Exception {
        Map<String, String> before = hashes(root);

        assertThatThrownBy(() -> analyst.query(escape.sql(), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(escape.refusal())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(hashes(root)).isEqualTo(before);
        assertThat(analyst.query("select count(*) from people", 10).rows()).containsExactly(List.of("1"));
    }

    /** Every file under a directory, by path, with its SHA-256: any file added, removed or changed shows. */
    static Map<String, String> hashes(Path directory) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(directory.relativize(file).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }
}
