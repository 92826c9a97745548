package io.salesops.ingest.csv;

/** A record that cannot be loaded; carries the column to blame (or null) and the rule. */
final class RecordRejected extends Exception {
    private final String column;
    private final String rule;

    RecordRejected(String column, String rule, String message) {
        super(message, null, false, false);
        this.column = column;
        this.rule = rule;
    }

    String column() {
        return column;
    }

    String rule() {
        return rule;
    }
}
