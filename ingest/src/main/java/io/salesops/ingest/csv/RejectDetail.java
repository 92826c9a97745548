package io.salesops.ingest.csv;

import io.salesops.warehouse.merge.SpillingDuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user needs to fix a file's rejected records: per rule and column, how many, up to three
 * examples with their line numbers (the message names the bad value), and the query that lists
 * them all. Read from the file's quarantine part.
 */
public final class RejectDetail {

    static final int SAMPLES = 3;
    static final int MESSAGE_CHARS = 160;

    private RejectDetail() {
    }

    /** One line per rule and column, most frequent first; empty when the part holds nothing. */
    public static List<String> of(Path rejectsPart) {
        List<String> lines = new ArrayList<>();
        if (rejectsPart == null || !Files.isRegularFile(rejectsPart)) {
            return lines;
        }
        String source = "read_parquet(" + SpillingDuckDb.literal(rejectsPart) + ")";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rows = sql.executeQuery("SELECT rule, column_name, count(*) AS n,"
                     + " list(line ORDER BY line)[1:" + SAMPLES + "], list(message ORDER BY line)[1:" + SAMPLES + "]"
                     + " FROM " + source + " GROUP BY ALL ORDER BY n DESC, rule, column_name")) {
            while (rows.next()) {
                Object[] sampleLines = (Object[]) ((Array) rows.getArray(4)).getArray();
                Object[] messages = (Object[]) ((Array) rows.getArray(5)).getArray();
                List<String> samples = new ArrayList<>();
                for (int i = 0; i < sampleLines.length; i++) {
                    String message = shortened(String.valueOf(messages[i]));
                    // a record's message names its file, line and column already
                    samples.add(message.contains("line " + sampleLines[i]) ? message
                            : "line " + sampleLines[i] + ": " + message);
                }
                String column = rows.getString(2);
                lines.add(String.format(Locale.ROOT, "%s%s: %,d (%s)", rows.getString(1),
                        column == null ? "" : " on " + column, rows.getLong(3), String.join("; ", samples)));
            }
            return lines;
        } catch (SQLException e) {
            return List.of("(the quarantined records could not be read: " + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
    }

    /** The command that lists every rejected record of a file of a batch. */
    public static String query(String batchId, String fileLabel) {
        return "salesops query \"select line, column_name, rule, message from ingest_rejects where batch_id = '"
                + batchId.replace("'", "''") + "' and source_file = '" + fileLabel.replace("'", "''")
                + "' order by line\"";
    }

    private static String shortened(String message) {
        String oneLine = message.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MESSAGE_CHARS ? oneLine : oneLine.substring(0, MESSAGE_CHARS) + "...";
    }
}
