package io.salesops.ingest.csv;

/** A record that cannot be loaded; carries the column to blame (or null) and the rule. */
public final class RecordRejected extends Exception {
    private final String column;
    private final String rule;

    RecordRejected(String column, String rule, String message) {
        super(message, null, false, false);
        this.column = column;
        this.rule = rule;
    }

    public String column() {
        return column;
    }

    public String rule() {
        return rule;
    }
}
