package io.salesops.app.cli;

import java.util.LinkedHashSet;
import java.util.Set;

/** Turns an exception chain into the one line a user needs: the innermost messages that say something. */
final class FailureMessages {
    private FailureMessages() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof CliException) {
            return failure.getMessage();
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(firstLine(message));
            }
        }
        if (messages.isEmpty()) {
            return failure.getClass().getSimpleName();
        }
        // The innermost message names the file, line or value; outer ones mostly wrap it.
        return messages.stream().reduce((first, second) -> second).orElseThrow();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
