package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The fingerprint of a period's result. Every line, statement and adjustment row is written as its
 * columns' text (null as \N, run_id left out) and hashed with SHA-256; per table, the row count
 * and the sum of those hashes modulo 2^256 go into a final SHA-256. A sum does not depend on the
 * order Spark produced the rows in, so nothing is sorted or collected; any changed amount, rate,
 * explanation or row changes it.
 */
final class ResultHash {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

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
        BigInteger[] countAndSum = rows.select(sha2(concat_ws("\u001f", columns), 256).as("h")).javaRDD()
                .map((Function<Row, BigInteger[]>) row -> new BigInteger[] {BigInteger.ONE,
                        new BigInteger(row.getString(0), 16)})
                .fold(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO},
                        (a, b) -> new BigInteger[] {a[0].add(b[0]), a[1].add(b[1]).mod(MODULUS)});
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(countAndSum[0].toString().getBytes(StandardCharsets.US_ASCII));
        digest.update(HexFormat.of().formatHex(padded(countAndSum[1])).getBytes(StandardCharsets.US_ASCII));
    }

    /** The sum as exactly 32 bytes, big-endian. */
    private static byte[] padded(BigInteger sum) {
        byte[] raw = sum.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }
}
