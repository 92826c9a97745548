package io.salesops.ingest.profile;

import java.util.Set;

/**
 * How a file of a profile changes its table.
 *
 * <ul>
 *   <li>{@code SNAPSHOT}: the file is a full export; it replaces what the earlier export of the same
 *       file (same path under the landing folder) loaded, and other files' rows stay.</li>
 *   <li>{@code INCREMENTAL}: the file carries changes; each row upserts by natural key into the
 *       table as it is, the newest source modification time winning, and rows marked as deleted
 *       remove their key.</li>
 * </ul>
 *
 * @param updatedAtHeader source column with the record's modification time, or null; stored in
 *                        {@code _source_updated_at}; without it, the later load wins
 * @param updatedAtFormat its date-time pattern, {@code epoch-millis}, or null for the built-in formats
 * @param deletedHeader   source column that marks deleted records (incremental only), or null
 * @param deletedValues   values of that column meaning deleted, compared ignoring case
 * @param summed          canonical columns summed over the records of a file that share a natural key
 *                        (a line-grain export rolled up to its header: an ERP order list with one
 *                        row per line); empty to keep the first record per key
 */
public record LoadRule(Mode mode, String updatedAtHeader, String updatedAtFormat, String deletedHeader,
                       Set<String> deletedValues, Set<String> summed) {

    public enum Mode { SNAPSHOT, INCREMENTAL }

    public static final LoadRule SNAPSHOT = new LoadRule(Mode.SNAPSHOT, null, null, null, Set.of());

    /** A rule that keeps the first record per key. */
    public LoadRule(Mode mode, String updatedAtHeader, String updatedAtFormat, String deletedHeader,
                    Set<String> deletedValues) {
        this(mode, updatedAtHeader, updatedAtFormat, deletedHeader, deletedValues, Set.of());
    }

    /** A snapshot whose records sharing a key are one record, with these columns summed. */
    public static LoadRule rollUp(Set<String> summed) {
        return new LoadRule(Mode.SNAPSHOT, null, null, null, Set.of(), summed);
    }

    public LoadRule {
        summed = Set.copyOf(summed);
        if (!summed.isEmpty() && mode != Mode.SNAPSHOT) {
            throw new IllegalArgumentException("a roll-up applies to snapshot exports, whose lines make one record");
        }
        deletedValues = deletedValues.stream().map(v -> v.strip().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (deletedHeader != null && mode != Mode.INCREMENTAL) {
            throw new IllegalArgumentException("deletes need an incremental load; a snapshot replaces the file's rows");
        }
        if (deletedHeader != null && deletedValues.isEmpty()) {
            throw new IllegalArgumentException("the deleted marker " + deletedHeader + " needs the values that mean deleted");
        }
    }

    public static LoadRule incremental(String updatedAtHeader, String updatedAtFormat, String deletedHeader,
                                       Set<String> deletedValues) {
        return new LoadRule(Mode.INCREMENTAL, updatedAtHeader, updatedAtFormat, deletedHeader, deletedValues);
    }

    public boolean incremental() {
        return mode == Mode.INCREMENTAL;
    }

    public boolean isDeleted(String markerValue) {
        return markerValue != null && deletedValues.contains(markerValue.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
