package io.salesops.warehouse.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/** The small properties document stored as {@code _version.properties} inside every version directory. */
record VersionMetadata(int version, String batchId, Instant createdAt, long rowCount) {

    void writeTo(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("version", Integer.toString(version));
        properties.setProperty("batch-id", batchId);
        properties.setProperty("created-at", createdAt.toString());
        properties.setProperty("row-count", Long.toString(rowCount));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
    }

    static VersionMetadata readFrom(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new VersionMetadata(Integer.parseInt(properties.getProperty("version")),
                properties.getProperty("batch-id"), Instant.parse(properties.getProperty("created-at")),
                Long.parseLong(properties.getProperty("row-count")));
    }
}
