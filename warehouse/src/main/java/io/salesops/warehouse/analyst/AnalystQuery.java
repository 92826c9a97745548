package io.salesops.warehouse.analyst;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * An analyst's statement on {@code analyst.duckdb}, guarded by DuckDB itself: the file is opened
 * read-only with file system access off (no COPY, ATTACH, read_csv, glob or INSTALL can reach a
 * file), extensions neither installed nor loaded, and the configuration locked (no SET or PRAGMA
 * can undo any of that). The masked database needs no file but itself: its tables are copies.
 *
 * <p>Before running, DuckDB's own parser ({@code json_serialize_sql}) must find exactly one
 * statement, and a query (a SELECT, also as WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW or
 * SUMMARIZE): everything else, including a temporary table or macro, is refused. The statement's
 * first word only names what was refused in the message.
 */
final class AnalystQuery {

    /** What DuckDB's parser takes for a query, by first word (for the messages). */
    static final List<String> ALLOWED = List.of("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW",
            "SUMMARIZE");

    private AnalystQuery() {
    }

    static Properties sandbox() {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("lock_configuration", "true");
        return properties;
    }

    static QueryResult run(Path database, String sql, int maxRows) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, sandbox())) {
            requireOneQuery(connection, sql);
            try (Statement jdbc = connection.createStatement(); ResultSet resultSet = jdbc.executeQuery(sql)) {
                return read(resultSet, maxRows);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("query failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** Asks DuckDB's parser how many statements the text holds and whether each is a query. */
    private static void requireOneQuery(Connection connection, String sql) throws SQLException {
        try (PreparedStatement parse = connection.prepareStatement("SELECT coalesce(j->>'error', 'false'),"
                + " j->>'error_type', j->>'error_message', coalesce(json_array_length(j->'statements'), 0)"
                + " FROM (SELECT json_serialize_sql(?)::JSON AS j)")) {
            parse.setString(1, sql);
            try (ResultSet parsed = parse.executeQuery()) {
                parsed.next();
                boolean error = Boolean.parseBoolean(parsed.getString(1));
                String errorType = parsed.getString(2);
                int statements = parsed.getInt(4);
                if (error && "not implemented".equals(errorType)) {
                    String word = firstWord(sql);
                    throw new ReadOnlyViolation("the analyst database is read-only: " + (ALLOWED.contains(word)
                            ? "the text holds a statement that is not a query" : word + " statements are refused")
                            + "; allowed is one query: " + String.join(", ", ALLOWED));
                }
                if (error) {
                    throw new ReadOnlyViolation("query failed: " + firstLine(parsed.getString(3)));
                }
                if (statements == 0) {
                    throw new ReadOnlyViolation("the query is empty");
                }
                if (statements > 1) {
                    throw new ReadOnlyViolation("only one statement per query is allowed, DuckDB's parser found "
                            + statements);
                }
            }
        }
    }

    private static QueryResult read(ResultSet resultSet, int maxRows) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rows.size() < maxRows && resultSet.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = resultSet.getObject(i);
                row.add(value == null ? null : value.toString());
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    /** For the message only: the word a refused statement starts with, after comments. */
    private static String firstWord(String sql) {
        String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").strip();
        while (text.startsWith("(")) {
            text = text.substring(1).strip();
        }
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end == 0 ? "such" : text.substring(0, end).toUpperCase(Locale.ROOT);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
