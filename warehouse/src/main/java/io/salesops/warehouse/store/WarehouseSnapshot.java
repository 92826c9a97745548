package io.salesops.warehouse.store;

import io.salesops.warehouse.model.TableDefinition;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A pinned read set: the version of every table a job reads, taken once, so that each of its
 * steps, and a restart after a failure or a kill, reads the same data while newer versions are
 * published. Written {@code fx_rates=2,invoices=3} (tables in name order) to travel in a job
 * execution context or a job parameter.
 *
 * @param versions table name → version number
 */
public record WarehouseSnapshot(SortedMap<String, Integer> versions) {

    public static final WarehouseSnapshot EMPTY = new WarehouseSnapshot(new TreeMap<>());

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public WarehouseSnapshot {
        versions = versions == null ? new TreeMap<>() : versions;
        versions.forEach((table, version) -> {
            if (table == null || !TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("table names are lower-case snake_case, cannot be: " + table);
            }
            if (version == null || version < 1) {
                throw new IllegalArgumentException("a table version must be at least 1, cannot be: " + table + "="
                        + version);
            }
        });
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
    }

    public static WarehouseSnapshot of(Map<String, Integer> versions) {
        return new WarehouseSnapshot(new TreeMap<>(versions));
    }

    /** The current version of each table; a table without a published version is an error. */
    public static WarehouseSnapshot ofCurrent(Warehouse warehouse, Collection<TableDefinition> tables) {
        SortedMap<String, Integer> versions = new TreeMap<>();
        for (TableDefinition table : tables) {
            versions.put(table.name(), warehouse.requireCurrent(table).version());
        }
        return new WarehouseSnapshot(versions);
    }

    /** Reads what {@link #format()} writes: {@code TABLE=VERSION} entries separated by commas; blank is empty. */
    public static WarehouseSnapshot parse(String text) {
        SortedMap<String, Integer> versions = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        for (String entry : text.split(",", -1)) {
            String[] parts = entry.strip().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("snapshot entries are TABLE=VERSION separated by commas, cannot be: '"
                        + entry.strip() + "' in '" + text + "'");
            }
            String table = parts[0].strip();
            int version;
            try {
                version = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the version of " + table + " must be a whole number, cannot be: '"
                        + parts[1].strip() + "'");
            }
            if (versions.put(table, version) != null) {
                throw new IllegalArgumentException("table " + table + " is pinned twice in '" + text + "'");
            }
        }
        return new WarehouseSnapshot(versions);
    }

    public String format() {
        return versions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    public boolean pins(TableDefinition table) {
        return versions.containsKey(table.name());
    }

    public OptionalInt version(String table) {
        Integer version = versions.get(table);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** This snapshot with the table pinned to the given version (added or replaced). */
    public WarehouseSnapshot with(TableVersion version) {
        SortedMap<String, Integer> versions = new TreeMap<>(this.versions);
        versions.put(version.table(), version.version());
        return new WarehouseSnapshot(versions);
    }

    /** The pins of these tables only. */
    public WarehouseSnapshot only(Collection<TableDefinition> tables) {
        SortedMap<String, Integer> versions = new TreeMap<>();
        tables.forEach(table -> version(table.name()).ifPresent(v -> versions.put(table.name(), v)));
        return new WarehouseSnapshot(versions);
    }

    /** This snapshot with every pin of {@code pins} taking precedence over its own. */
    public WarehouseSnapshot overriddenBy(WarehouseSnapshot pins) {
        SortedMap<String, Integer> versions = new TreeMap<>(this.versions);
        versions.putAll(pins.versions);
        return new WarehouseSnapshot(versions);
    }

    /**
     * The pinned version of the table. A table the snapshot does not pin is an error, and so is a
     * pinned version that no longer exists ({@link MissingVersionException}, e.g. pruned).
     */
    public TableVersion resolve(Warehouse warehouse, TableDefinition table) {
        Integer version = versions.get(table.name());
        if (version == null) {
            throw new IllegalStateException("the snapshot " + format() + " does not pin table " + table.name());
        }
        return warehouse.requireVersion(table, version);
    }

    @Override
    public String toString() {
        return format();
    }
}
