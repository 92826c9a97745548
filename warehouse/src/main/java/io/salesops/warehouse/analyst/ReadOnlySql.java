package io.salesops.warehouse.analyst;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an analyst's SQL is a single read-only statement. The check runs before DuckDB
 * sees the text; the connection is also opened read-only, so this is the first of two guards and
 * exists to give a clear message (and to stop what read-only mode allows: COPY ... TO a file,
 * ATTACH, INSTALL, SET).
 */
public final class ReadOnlySql {

    private static final Set<String> READING_KEYWORDS = Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE",
            "DESCRIBE", "DESC", "SHOW", "SUMMARIZE", "EXPLAIN", "PIVOT", "UNPIVOT");

    private ReadOnlySql() {
    }

    /** Throws with the reason when the text is not exactly one read-only statement. */
    public static String requireReadOnly(String sql) {
        String body = withoutTrailingSemicolons(stripComments(sql).strip());
        if (body.isEmpty()) {
            throw new ReadOnlyViolation("the query is empty");
        }
        if (containsStatementSeparator(body)) {
            throw new ReadOnlyViolation("only one statement per query is allowed");
        }
        String keyword = firstWord(body);
        if (!READING_KEYWORDS.contains(keyword)) {
            throw new ReadOnlyViolation("the analyst database is read-only: " + keyword
                    + " statements are refused; allowed are " + String.join(", ", READING_KEYWORDS.stream().sorted()
                    .toList()));
        }
        return body;
    }

    private static String firstWord(String body) {
        String trimmed = body.startsWith("(") ? body.substring(1).strip() : body;
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private static String withoutTrailingSemicolons(String body) {
        String result = body;
        while (result.endsWith(";")) {
            result = result.substring(0, result.length() - 1).strip();
        }
        return result;
    }

    /** True when a semicolon outside quotes separates two statements. */
    private static boolean containsStatementSeparator(String body) {
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                return true;
            }
        }
        return false;
    }

    /** Removes -- line comments and block comments outside quotes, so they cannot hide a keyword. */
    static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A refused query; the message says why. */
    public static final class ReadOnlyViolation extends IllegalArgumentException {
        public ReadOnlyViolation(String message) {
            super(message);
        }
    }
}
