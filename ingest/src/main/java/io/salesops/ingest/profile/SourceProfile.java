package io.salesops.ingest.profile;

import io.salesops.warehouse.model.TableDefinition;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one kind of export maps onto a canonical table: which header is which column, which source
 * values stand for which canonical values, and how its dates are written.
 *
 * @param headers   source header → canonical column
 * @param valueMaps canonical column → (source value → canonical value)
 * @param datePattern a java.time pattern tried before the default date formats, or null
 * @param charset   the declared encoding, or null to detect it
 */
public record SourceProfile(String name, TableDefinition table, Map<String, String> headers,
                            Map<String, Map<String, String>> valueMaps, String datePattern, Charset charset) {

    public SourceProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        headers = Map.copyOf(headers);
        valueMaps = Map.copyOf(valueMaps);
        for (var entry : headers.entrySet()) {
            if (table.column(entry.getValue()).isEmpty()) {
                throw new IllegalArgumentException("profile " + name + " maps header " + entry.getKey()
                        + " to " + entry.getValue() + ", which is not a column of " + table.name());
            }
        }
    }

    /** The generator's own format: headers are exactly the canonical column names. */
    public static SourceProfile canonical(TableDefinition table) {
        Map<String, String> identity = new LinkedHashMap<>();
        table.columnNames().forEach(column -> identity.put(column, column));
        return new SourceProfile("salesops-" + table.name(), table, identity, Map.of(), null, null);
    }

    /** The canonical value for a source value of a column, after this profile's value map. */
    public String mapValue(String column, String value) {
        Map<String, String> map = valueMaps.get(column);
        if (map == null || value == null) {
            return value;
        }
        return map.getOrDefault(value.strip(), value);
    }
}
