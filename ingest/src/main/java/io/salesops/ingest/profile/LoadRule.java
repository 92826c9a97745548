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
 */
public record LoadRule(Mode mode, String updatedAtHeader, String updatedAtFormat, String deletedHeader,
                       Set<String> deletedValues) {

    public enum Mode { SNAPSHOT, INCREMENTAL }

    public static final LoadRule SNAPSHOT = new LoadRule(Mode.SNAPSHOT, null, null, null, Set.of());

    public LoadRule {
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
