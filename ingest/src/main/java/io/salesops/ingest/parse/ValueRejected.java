package io.salesops.ingest.parse;

/**
 * A value that breaks a rule of its column. Carries the rule's short name (used to count rejects
 * by reason) and a message that states the rule and the bad value.
 */
public final class ValueRejected extends Exception {
    private final String rule;

    public ValueRejected(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
