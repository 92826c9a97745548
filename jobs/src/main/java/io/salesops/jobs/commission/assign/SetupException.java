package io.salesops.jobs.commission.assign;

import java.util.List;

/**
 * Commission set-up (plan catalog, plan assignments, reporting lines) that breaks rules. Every
 * problem names the file, the line and the column or key, and the rule; all are listed, not just
 * the first.
 */
public final class SetupException extends IllegalArgumentException {

    private final List<String> problems;

    public SetupException(List<String> problems) {
        super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: "
                + String.join("; ", problems.subList(1, problems.size())) + ")" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
