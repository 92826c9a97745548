package io.salesops.ingest.sample;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Every random draw of a run comes from a stream derived from the run seed and a name, never from
 * a shared generator or the clock. A table's own choices use {@link #forTable}: adding a column
 * to one table then leaves the others unchanged. Facts several tables must agree on (an
 * account's name, an opportunity's stage dates) use {@link #forEntity}, so each table recomputes
 * them instead of keeping millions of them in memory.
 */
final class RandomStreams {
    private final long seed;

    RandomStreams(long seed) {
        this.seed = seed;
    }

    SplittableRandom forTable(String name) {
        return new SplittableRandom(mix(seed, hash(name)));
    }

    SplittableRandom forEntity(String kind, long index) {
        return new SplittableRandom(mix(mix(seed, hash(kind)), index));
    }

    /** SplitMix64's finaliser over the pair: neighbouring inputs give unrelated seeds. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-8 bytes: fixed by definition, unlike anything JVM-specific. */
    private static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
