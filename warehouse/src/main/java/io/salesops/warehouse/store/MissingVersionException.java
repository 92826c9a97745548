package io.salesops.warehouse.store;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A table version was asked for by number and is not in the warehouse: never published, or pruned
 * by retention. The message names the table, the version asked for and the versions that exist.
 */
public final class MissingVersionException extends IllegalStateException {

    private final String table;
    private final int version;
    private final List<Integer> existing;

    MissingVersionException(String table, int version, List<Integer> existing, OptionalInt current) {
        super(message(table, version, existing, current));
        this.table = table;
        this.version = version;
        this.existing = List.copyOf(existing);
    }

    static MissingVersionException of(String table, int version, List<TableVersion> history,
                                      OptionalInt current) {
        return new MissingVersionException(table, version,
                history.stream().map(TableVersion::version).sorted().toList(), current);
    }

    public String table() {
        return table;
    }

    public int version() {
        return version;
    }

    /** The versions that do exist, oldest first. */
    public List<Integer> existing() {
        return existing;
    }

    private static String message(String table, int version, List<Integer> existing, OptionalInt current) {
        String asked = "table " + table + " has no version " + version;
        if (existing.isEmpty()) {
            return asked + "; it has no published version";
        }
        String reason = "";
        if (version >= 1 && version < existing.get(0)) {
            reason = " (older versions are pruned: only the newest are kept)";
        } else if (version > existing.get(existing.size() - 1)) {
            reason = " (the newest is " + existing.get(existing.size() - 1) + ")";
        }
        return asked + reason + "; versions that exist: " + ranges(existing)
                + (current.isPresent() ? " (current: " + current.getAsInt() + ")" : "");
    }

    /** 1, 2, 3, 4, 6, 8, 9 → "1-4, 6, 8, 9": a long history stays one readable line. */
    static String ranges(List<Integer> ascending) {
        List<String> parts = new ArrayList<>();
        int start = ascending.get(0);
        int previous = start;
        for (int i = 1; i <= ascending.size(); i++) {
            if (i < ascending.size() && ascending.get(i) == previous + 1) {
                previous = ascending.get(i);
                continue;
            }
            if (previous - start >= 2) {
                parts.add(start + "-" + previous);
            } else {
                for (int v = start; v <= previous; v++) {
                    parts.add(Integer.toString(v));
                }
            }
            if (i < ascending.size()) {
                start = ascending.get(i);
                previous = start;
            }
        }
        return String.join(", ", parts);
    }
}
