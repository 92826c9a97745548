package io.salesops.ingest.sample;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which kinds of dirt a file may get and how often: each allowed kind hits about {@code rate} of
 * the rows. Master data (org, products, customers, fx rates) gets none so that joins work.
 */
record DirtPolicy(Set<DirtKind> kinds, double rate) {

    /** 0.3 % per kind: enough for every kind to show up in a small sample, too little to distort totals. */
    static final double DEFAULT_RATE = 0.003;
    static final DirtPolicy NONE = new DirtPolicy(EnumSet.noneOf(DirtKind.class), 0);
    static final DirtPolicy ALL = new DirtPolicy(EnumSet.allOf(DirtKind.class), DEFAULT_RATE);

    DirtPolicy {
        if (rate < 0 || rate * kinds.size() > 0.5) {
            throw new IllegalArgumentException("dirt rate must be between 0 and 0.5 over all kinds, cannot be: "
                    + rate + " for " + kinds.size() + " kinds");
        }
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    DirtPolicy without(DirtKind kind) {
        EnumSet<DirtKind> rest = kinds.isEmpty() ? EnumSet.noneOf(DirtKind.class) : EnumSet.copyOf(kinds);
        rest.remove(kind);
        return new DirtPolicy(rest, rate);
    }

    boolean allows(DirtKind kind) {
        return kinds.contains(kind);
    }
}
