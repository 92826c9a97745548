package io.salesops.ingest.profile;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import java.nio.charset.Charset;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assembles a built-in {@link SourceProfile} one canonical column at a time, so that each vendor
 * class reads as a table of "column ← source header". Every mapped value and default is checked
 * against its column when the profile is built, as a YAML mapping's are: a typo such as
 * {@code "proposl"} fails at class load instead of quarantining every row that uses it.
 */
final class ProfileBuilder {

    private final String name;
    private final TableDefinition table;
    private final Map<String, ColumnSource> sources = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> valueMaps = new HashMap<>();
    private final Map<String, String> formats = new HashMap<>();
    private final Map<String, String> defaults = new HashMap<>();
    private Charset charset;

    private ProfileBuilder(String name, TableDefinition table) {
        this.name = name;
        this.table = table;
    }

    static ProfileBuilder profile(String name, TableDefinition table) {
        return new ProfileBuilder(name, table);
    }

    /** The column's text is one source column, as is. */
    ProfileBuilder column(String column, String header) {
        sources.put(column, new ColumnSource.Header(header));
        return this;
    }

    /** The column's text is composed from source columns, e.g. {@code "{LastName} {FirstName}"}. */
    ProfileBuilder template(String column, String template) {
        sources.put(column, ColumnSource.Template.of(template));
        return this;
    }

    /** Source value → canonical value; a value not listed reaches the column's own rules unchanged. */
    ProfileBuilder values(String column, Map<String, String> canonicalBySource) {
        valueMaps.put(column, canonicalBySource);
        return this;
    }

    /** A date/time pattern (java.time letters) or {@link ValueParser#EPOCH_MILLIS}. */
    ProfileBuilder format(String column, String pattern) {
        formats.put(column, pattern);
        return this;
    }

    /** Text used when the source cell is blank or the source column is absent from the export. */
    ProfileBuilder orElse(String column, String value) {
        defaults.put(column, value);
        return this;
    }

    ProfileBuilder charset(Charset declared) {
        this.charset = declared;
        return this;
    }

    SourceProfile build() {
        SourceProfile profile = new SourceProfile(name, table, sources, valueMaps, formats, defaults, charset);
        valueMaps.forEach((column, map) -> map.values().forEach(value -> check(column, value)));
        defaults.forEach(this::check);
        return profile;
    }

    private void check(String columnName, String value) {
        Column column = table.column(columnName).orElseThrow();
        try {
            new ValueParser(ZoneOffset.UTC, Map.of()).parse(column, value);
        } catch (ValueRejected e) {
            throw new IllegalStateException("profile " + name + ": " + e.getMessage(), e);
        }
    }

    /** An insertion-ordered map from alternating keys and values, for readable literal tables. */
    static Map<String, String> pairs(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("pairs need an even number of strings, cannot be: "
                    + keysAndValues.length);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
