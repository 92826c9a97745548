package io.salesops.jobs.commission.run;

import io.salesops.warehouse.merge.SpillingDuckDb;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.salesops.warehouse.files.Sha256;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fingerprint of a period's result, over the staged files of its lines, statements and
 * adjustments. Every row is written as its columns' text (sorted by name, null as \N, run_id left
 * out) and hashed with SHA-256; per table, the row count and the sum of those hashes modulo 2^256
 * go into a final SHA-256. A sum does not depend on the order the rows were written in, so nothing
 * is sorted; any changed amount, rate, explanation or row changes it.
 *
 * <p>DuckDB reads the files and hashes the rows (it took a Spark job of about 2.6 s at the
 * benchmark's 739 k lines); it sums each hash as four 64-bit parts, which add up without overflow
 * in a 128-bit integer, and Java puts them together.
 */
final class ResultHash {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final int PARTS = 4;

    private ResultHash() {
    }

    static String of(List<Path> lines, List<Path> statements, List<Path> adjustments) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            MessageDigest digest = Sha256.digest();
            update(digest, sql, "lines", lines);
            update(digest, sql, "statements", statements);
            update(digest, sql, "adjustments", adjustments);
            return Sha256.hex(digest);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hash the commission result: " + e.getMessage(), e);
        }
    }

    private static void update(MessageDigest digest, Statement sql, String name, List<Path> files)
            throws SQLException {
        long count = 0;
        BigInteger sum = BigInteger.ZERO;
        if (!files.isEmpty()) {
            String source = "read_parquet(" + SpillingDuckDb.literals(files) + ")";
            String text = columns(sql, source).stream()
                    .map(c -> "coalesce(CAST(" + SpillingDuckDb.quoted(c) + " AS VARCHAR), '\\N')")
                    .collect(Collectors.joining(", ", "concat_ws(chr(31), ", ")"));
            String parts = IntStream.range(0, PARTS)
                    .mapToObj(i -> "coalesce(sum(('0x' || substr(h, " + (1 + 16 * i) + ", 16))::UBIGINT::HUGEINT), 0)")
                    .collect(Collectors.joining(", "));
            try (ResultSet rs = sql.executeQuery("SELECT count(*), " + parts + " FROM (SELECT sha256(" + text
                    + ") AS h FROM " + source + ")")) {
                rs.next();
                count = rs.getLong(1);
                for (int i = 0; i < PARTS; i++) {
                    sum = sum.add(new BigInteger(rs.getString(2 + i)).shiftLeft(64 * (PARTS - 1 - i)));
                }
            }
        }
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(Long.toString(count).getBytes(StandardCharsets.US_ASCII));
        digest.update(HexFormat.of().formatHex(padded(sum.mod(MODULUS))).getBytes(StandardCharsets.US_ASCII));
    }

    /** The files' columns except run_id, by name. */
    private static List<String> columns(Statement sql, String source) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                if (!rs.getString(1).equals("run_id")) {
                    columns.add(rs.getString(1));
                }
            }
        }
        columns.sort(null);
        return columns;
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
