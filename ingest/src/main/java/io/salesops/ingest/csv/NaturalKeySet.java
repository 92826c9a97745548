package io.salesops.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The natural keys seen so far in one file, exact, in a few flat arrays rather than millions of
 * String objects: a file of 5 M twelve-character keys keeps them in about 25 bytes each, and the
 * garbage collector sees two arrays instead of a graph it must trace and copy.
 *
 * <p>Keys are stored as UTF-8 bytes in an append-only arena; an open-addressing table holds, per
 * slot, 32 bits of the key's hash and the key's offset in the arena. A lookup compares hashes and
 * then the bytes, so two different keys are never taken for one. Once its arrays pass the byte
 * budget the set reports it is full (for keys it has not seen) and the caller deduplicates some
 * other way.
 */
final class NaturalKeySet {

    /** What {@link #add} found. */
    enum Outcome { NEW, DUPLICATE, FULL }

    private static final long EMPTY = -1L;

    private final long budgetBytes;
    private long[] slots;
    private byte[] arena;
    private int arenaUsed;
    private int size;

    NaturalKeySet(long budgetBytes) {
        this.budgetBytes = budgetBytes;
        this.slots = new long[1 << 12];
        Arrays.fill(slots, EMPTY);
        this.arena = new byte[1 << 16];
    }

    Outcome add(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int hash = hash(bytes);
        int mask = slots.length - 1;
        for (int index = hash & mask; ; index = (index + 1) & mask) {
            long slot = slots[index];
            if (slot == EMPTY) {
                break;
            }
            if ((int) (slot >>> 32) == hash && equalsAt((int) slot, bytes)) {
                return Outcome.DUPLICATE;
            }
        }
        if (bytesUsed() > budgetBytes || (long) arenaUsed + bytes.length + 5 > Integer.MAX_VALUE - 8) {
            return Outcome.FULL;
        }
        if ((size + 1) * 4L > slots.length * 3L) { // load factor 3/4
            grow();
        }
        insert(hash, append(bytes));
        size++;
        return Outcome.NEW;
    }

    int size() {
        return size;
    }

    /** Heap held by the set: the table and the arena. */
    long bytesUsed() {
        return slots.length * 8L + arena.length;
    }

    private void insert(int hash, int offset) {
        int mask = slots.length - 1;
        int index = hash & mask;
        while (slots[index] != EMPTY) {
            index = (index + 1) & mask;
        }
        slots[index] = ((long) hash << 32) | (offset & 0xFFFFFFFFL);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        for (long slot : old) {
            if (slot != EMPTY) {
                insert((int) (slot >>> 32), (int) slot);
            }
        }
    }

    /** Stores the key as its length (a varint) and its bytes; returns where it starts. */
    private int append(byte[] bytes) {
        int needed = bytes.length + lengthSize(bytes.length);
        if (arenaUsed + needed > arena.length) {
            long grown = Math.max((long) arena.length * 3 / 2, (long) arenaUsed + needed);
            arena = Arrays.copyOf(arena, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        int offset = arenaUsed;
        int at = offset;
        for (int length = bytes.length; ; length >>>= 7) { // a varint: one byte for keys under 128 bytes
            if (length < 0x80) {
                arena[at++] = (byte) length;
                break;
            }
            arena[at++] = (byte) ((length & 0x7F) | 0x80);
        }
        System.arraycopy(bytes, 0, arena, at, bytes.length);
        arenaUsed += needed;
        return offset;
    }

    private boolean equalsAt(int offset, byte[] bytes) {
        int length = 0;
        int at = offset;
        for (int shift = 0; ; shift += 7) {
            byte b = arena[at++];
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return length == bytes.length && Arrays.equals(arena, at, at + length, bytes, 0, bytes.length);
    }

    private static int lengthSize(int length) {
        int size = 1;
        while (length >= 0x80) {
            length >>>= 7;
            size++;
        }
        return size;
    }

    /** FNV-1a, then a finaliser so that keys differing only in their last digits spread over the table. */
    private static int hash(byte[] bytes) {
        int h = 0x811C9DC5;
        for (byte b : bytes) {
            h = (h ^ b) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
