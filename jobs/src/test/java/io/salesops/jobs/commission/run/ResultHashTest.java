package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultHashTest {

    @TempDir
    Path dir;

    @Test
    void theHashIgnoresRowOrderFileSplitsAndRunIdButNotAChangedValue() throws Exception {
        Path one = write("one.parquet", "('1', 'R1', 'base', 10.50), ('1', 'R2', 'base', 3.25), ('1', 'R3', 'tiers', NULL)");
        Path reordered = write("reordered.parquet", "('7', 'R3', 'tiers', NULL), ('7', 'R1', 'base', 10.50)");
        Path rest = write("rest.parquet", "('7', 'R2', 'base', 3.25)");
        Path changed = write("changed.parquet", "('1', 'R1', 'base', 10.51), ('1', 'R2', 'base', 3.25), ('1', 'R3', 'tiers', NULL)");
        Path nullMadeText = write("null.parquet", "('1', 'R1', 'base', 10.50), ('1', 'R2', 'base', 3.25), ('1', 'R3', 'tiers', 0)");

        String hash = ResultHash.of(List.of(one), List.of(), List.of());

        // other run id, other order, spread over two files: the same result
        assertThat(ResultHash.of(List.of(reordered, rest), List.of(), List.of())).isEqualTo(hash);
        // a cent, or a null becoming 0, is another result
        assertThat(ResultHash.of(List.of(changed), List.of(), List.of())).isNotEqualTo(hash);
        assertThat(ResultHash.of(List.of(nullMadeText), List.of(), List.of())).isNotEqualTo(hash);
        // the same rows as statements instead of lines are another result too
        assertThat(ResultHash.of(List.of(), List.of(one), List.of())).isNotEqualTo(hash);
        assertThat(ResultHash.of(List.of(one), List.of(), List.of())).isEqualTo(hash).hasSize(64);
    }

    private Path write(String name, String values) throws Exception {
        Path file = dir.resolve(name);
        try (var duckdb = DriverManager.getConnection("jdbc:duckdb:"); var sql = duckdb.createStatement()) {
            sql.execute("COPY (SELECT run_id, rep_id, component, amount::DECIMAL(24, 6) AS amount FROM (VALUES "
                    + values + ") t(run_id, rep_id, component, amount)) TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }
}
