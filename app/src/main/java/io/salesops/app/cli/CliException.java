package io.salesops.app.cli;

/** A failure whose message is the one line the user sees on stderr. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
