package io.salesops.jobs.spark;

import io.salesops.warehouse.model.TableDefinition;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Literal rows for the unit tests of pure computations: a table's rows written out by hand, in its
 * canonical column order, as a Dataset on the shared session.
 */
public final class LiteralRows {

    private LiteralRows() {
    }

    /** One row's values, in the table's column order. */
    public static Object[] row(Object... values) {
        return values;
    }

    /** The rows as a Dataset with the table's Spark schema. */
    public static Dataset<Row> rows(TableDefinition table, Object[]... rows) {
        return SharedSpark.get().createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(),
                SparkSchemas.of(table));
    }

    /** An instant written as ISO-8601 with its offset, e.g. {@code 2026-02-28T16:30:00Z}. */
    public static Timestamp ts(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }

    /** A day written as {@code YYYY-MM-DD}. */
    public static Date date(String iso) {
        return Date.valueOf(iso);
    }
}
