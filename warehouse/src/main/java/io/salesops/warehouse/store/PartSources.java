package io.salesops.warehouse.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which source each Parquet part of a version came from ({@code _parts.properties}: part file →
 * source key). A publish whose staging records sources replaces only the parts of those sources
 * and carries every other part of the current version over, so loading one export again replaces
 * that export's rows and keeps the rows of every other export.
 */
final class PartSources {
    static final String FILE = "_parts.properties";

    private PartSources() {
    }

    static Map<String, String> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        Map<String, String> parts = new TreeMap<>();
        if (!Files.exists(file)) {
            return parts;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        properties.forEach((part, source) -> parts.put((String) part, (String) source));
        return parts;
    }

    static void write(Path directory, Map<String, String> parts) throws IOException {
        Properties properties = new Properties();
        parts.forEach(properties::setProperty);
        try (Writer writer = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.store(writer, "part file = source it was loaded from");
        }
    }
}
