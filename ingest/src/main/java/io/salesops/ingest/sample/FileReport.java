package io.salesops.ingest.sample;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One generated file: where it is, which canonical table it exports, how it is encoded, how many
 * data records it holds (dirty and duplicated ones included, header excluded) and how many of
 * them carry each kind of dirt.
 */
public record FileReport(String path, String table, String encoding, long rows, Map<DirtKind, Long> dirt) {

    public FileReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(encoding, "encoding");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, cannot be: " + rows + " (" + path + ")");
        }
        EnumMap<DirtKind, Long> complete = new EnumMap<>(DirtKind.class);
        for (DirtKind kind : DirtKind.values()) {
            complete.put(kind, dirt.getOrDefault(kind, 0L));
        }
        dirt = Collections.unmodifiableMap(complete);
    }

    public long dirt(DirtKind kind) {
        return dirt.get(kind);
    }

    public long dirtyRows() {
        return dirt.values().stream().mapToLong(Long::longValue).sum();
    }
}
