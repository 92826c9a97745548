package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The fingerprint of a period's result: SHA-256 over the sorted SHA-256 of every line, statement
 * and adjustment row, each written as its columns' text (null as \N) without run_id. Two runs on the same
 * inputs give the same hash whatever order Spark produced the rows in; any changed amount, rate,
 * explanation or row changes it.
 */
final class ResultHash {

    private ResultHash() {
    }

    static String of(Dataset<Row> lines, Dataset<Row> statements, Dataset<Row> adjustments) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "lines", lines);
            update(digest, "statements", statements);
            update(digest, "adjustments", adjustments);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String name, Dataset<Row> rows) {
        Column[] columns = Arrays.stream(rows.columns()).filter(c -> !c.equals("run_id")).sorted()
                .map(c -> coalesce(col(c).cast(DataTypes.StringType), lit("\\N"))).toArray(Column[]::new);
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        for (Row row : rows.select(sha2(concat_ws("\u001f", columns), 256).as("h")).orderBy("h").collectAsList()) {
            digest.update(row.getString(0).getBytes(StandardCharsets.US_ASCII));
        }
    }
}
