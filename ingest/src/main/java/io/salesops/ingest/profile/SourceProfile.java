package io.salesops.ingest.profile;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one kind of export maps onto a canonical table: where each column's text comes from, which
 * source values stand for which canonical values, how dates are written, what fills a blank.
 *
 * @param sources   canonical column → where its text comes from; unmapped columns stay empty
 * @param valueMaps canonical column → (source value → canonical value)
 * @param formats   canonical column → date or date-time pattern (java.time letters) or
 *                  {@code epoch-millis}; tried before the built-in formats
 * @param defaults  canonical column → text used when the source is blank
 * @param charset   the declared encoding, or null to detect it
 * @param load      snapshot or incremental, with the modification-time and delete columns
 */
public record SourceProfile(String name, TableDefinition table, Map<String, ColumnSource> sources,
                            Map<String, Map<String, String>> valueMaps, Map<String, String> formats,
                            Map<String, String> defaults, Charset charset, LoadRule load) {

    public SourceProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(load, "load");
        for (String column : load.summed()) {
            if (table.column(column).filter(c -> c.type().sqlType().startsWith("DECIMAL")).isEmpty()) {
                throw new IllegalArgumentException("profile " + name + " sums " + column + ", which is not a number"
                        + " column of " + table.name());
            }
        }
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        valueMaps = Map.copyOf(valueMaps);
        formats = Map.copyOf(formats);
        defaults = Map.copyOf(defaults);
        for (String column : concat(sources.keySet(), valueMaps.keySet(), formats.keySet(), defaults.keySet())) {
            if (table.column(column).isEmpty()) {
                throw new IllegalArgumentException("profile " + name + " maps " + column + ", which is not a column of "
                        + table.name());
            }
        }
    }

    /** A snapshot profile. */
    public SourceProfile(String name, TableDefinition table, Map<String, ColumnSource> sources,
                         Map<String, Map<String, String>> valueMaps, Map<String, String> formats,
                         Map<String, String> defaults, Charset charset) {
        this(name, table, sources, valueMaps, formats, defaults, charset, LoadRule.SNAPSHOT);
    }

    /** The same mapping, loaded the given way. */
    public SourceProfile withLoad(LoadRule rule) {
        return new SourceProfile(name, table, sources, valueMaps, formats, defaults, charset, rule);
    }

    /** The generator's own format: headers are exactly the canonical column names. */
    public static SourceProfile canonical(TableDefinition table) {
        Map<String, ColumnSource> identity = new LinkedHashMap<>();
        table.columnNames().forEach(column -> identity.put(column, new ColumnSource.Header(column)));
        return new SourceProfile("salesops-" + table.name(), table, identity, Map.of(), Map.of(), Map.of(), null);
    }

    /** A profile that only renames headers: source header → canonical column. */
    public static SourceProfile renaming(String name, TableDefinition table, Map<String, String> columnsByHeader,
                                         Map<String, Map<String, String>> valueMaps, Map<String, String> formats,
                                         Charset charset) {
        Map<String, ColumnSource> sources = new LinkedHashMap<>();
        columnsByHeader.forEach((header, column) -> sources.put(column, new ColumnSource.Header(header)));
        return new SourceProfile(name, table, sources, valueMaps, formats, Map.of(), charset);
    }

    /** Every source header this profile reads. */
    public Set<String> headers() {
        Set<String> headers = new LinkedHashSet<>();
        sources.values().forEach(source -> headers.addAll(source.headers()));
        if (load.updatedAtHeader() != null) {
            headers.add(load.updatedAtHeader());
        }
        if (load.deletedHeader() != null) {
            headers.add(load.deletedHeader());
        }
        return headers;
    }

    /** Required columns with neither a source nor a default: a file this profile loads needs them. */
    public List<String> uncoveredRequiredColumns(Set<String> presentHeaders) {
        return table.columns().stream().filter(Column::required).map(Column::name)
                .filter(column -> !defaults.containsKey(column))
                .filter(column -> {
                    ColumnSource source = sources.get(column);
                    return source == null || !presentHeaders.containsAll(source.headers());
                }).toList();
    }

    /** The canonical value for a source value of a column, after this profile's value map. */
    public String mapValue(String column, String value) {
        Map<String, String> map = valueMaps.get(column);
        if (map == null || value == null) {
            return value;
        }
        return map.getOrDefault(value.strip(), value);
    }

    private static List<String> concat(Set<String> a, Set<String> b, Set<String> c, Set<String> d) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        all.addAll(d);
        return List.copyOf(all);
    }
}
