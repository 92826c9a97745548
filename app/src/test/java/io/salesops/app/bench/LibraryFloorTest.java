package io.salesops.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryFloorTest {

    private static final TableDefinition TABLE = CanonicalTables.OPPORTUNITIES;

    @TempDir
    Path dir;

    @Test
    void countsRecordsNotLinesAndLeavesNoFileBehind() throws Exception {
        // three records on four lines: the second one's name holds a newline inside quotes
        Path export = Files.writeString(dir.resolve("opportunities.csv"), """
                opportunity_id,opportunity_name,amount
                OPP1,甲,100.00
                OPP2,"two
                lines",200.00
                OPP3,丙,300.00
                """, StandardCharsets.UTF_8);
        Path curated = curated(dir.resolve("curated.parquet"), 5);
        Path work = dir.resolve("work");

        LibraryFloor.Result floor = LibraryFloor.measure(export, TABLE, List.of(curated), work, 2);

        assertThat(floor.rows()).isEqualTo(3);
        assertThat(floor.threads()).isEqualTo(2);
        assertThat(floor.parseSeconds()).isPositive();
        assertThat(floor.writeSeconds()).isPositive();
        // the costs per row add: the floor is slower than either half alone
        assertThat(floor.rowsPerSecond()).isLessThan(Math.min(floor.parseRowsPerSecond(), floor.writeRowsPerSecond()));
        assertThat(floor.seconds()).isCloseTo(3 / floor.rowsPerSecond(), org.assertj.core.data.Offset.offset(1e-12));
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aWriteThatFailsOnOneThreadLeavesNoFileOfAnyThreadBehind() throws Exception {
        Path export = Files.writeString(dir.resolve("opportunities.csv"), "opportunity_id\nOPP1\nOPP2\n");
        Path curated = curated(dir.resolve("curated.parquet"), 2);
        Path work = dir.resolve("work");
        // the second thread's output name is taken by a directory: its writer cannot create the file
        Files.createDirectories(work.resolve(TABLE.name() + "-floor-1.parquet"));

        assertThatThrownBy(() -> LibraryFloor.measure(export, TABLE, List.of(curated), work, 2))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot create Parquet file " + work.resolve(TABLE.name() + "-floor-1.parquet"));
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theSampleReadsBackEveryTypeAsTheWriterTakesIt() throws Exception {
        Path curated = curated(dir.resolve("curated.parquet"), 3);

        List<Object[]> sample = LibraryFloor.sample(TABLE, List.of(curated));

        assertThat(sample).hasSize(3);
        for (int row = 0; row < 3; row++) {
            assertThat(sample.get(row)).containsExactly(row(row));
        }
    }

    @Test
    void aTableWithoutCuratedRowsIsAnError() throws Exception {
        Path export = Files.writeString(dir.resolve("opportunities.csv"), "opportunity_id\nOPP1\n");
        Path curated = curated(dir.resolve("empty.parquet"), 0);

        assertThatThrownBy(() -> LibraryFloor.measure(export, TABLE, List.of(curated), dir.resolve("work"), 1))
                .hasMessage("opportunities has no curated rows to write");
    }

    private static Path curated(Path file, int rows) throws Exception {
        try (ParquetRowWriter writer = new ParquetRowWriter(file, TABLE.name(), TABLE.storedColumns(), Set.of())) {
            for (int i = 0; i < rows; i++) {
                writer.write(row(i));
            }
        }
        return file;
    }

    /** A value of every stored column's type, different per row. */
    private static Object[] row(int i) {
        List<Object> values = new ArrayList<>();
        for (Column column : TABLE.storedColumns()) {
            values.add(switch (column.type()) {
                case STRING -> column.allowedValues().isEmpty() ? column.name() + "-" + i
                        : column.allowedValues().get(i % column.allowedValues().size());
                case LONG -> (long) i * 7;
                case MONEY, QUANTITY, RATE -> new BigDecimal("12.5").add(BigDecimal.valueOf(i))
                        .setScale(column.type().scale());
                case DATE -> LocalDate.of(2025, 1, 31).plusDays(i);
                case TIMESTAMP -> Instant.parse("2025-03-01T08:30:00.123456Z").plusSeconds(i * 3_600L);
                case BOOLEAN -> i % 2 == 0;
            });
        }
        return values.toArray();
    }
}
