package io.salesops.ingest.mapping;

import java.util.List;

/** A mapping file that breaks a rule; every problem names the file, the YAML line and the key. */
public final class MappingException extends IllegalArgumentException {
    private final List<String> problems;

    MappingException(List<String> problems) {
        super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: "
                + String.join("; ", problems.subList(1, problems.size())) + ")" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
