package io.salesops.jobs.funnel;

import java.util.List;

/** A funnel definition that breaks rules; every problem names the file, the YAML line, the key and the rule. */
public final class FunnelFileException extends IllegalArgumentException {

    private final List<String> problems;

    FunnelFileException(List<String> problems) {
        super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: "
                + String.join("; ", problems.subList(1, problems.size())) + ")" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
