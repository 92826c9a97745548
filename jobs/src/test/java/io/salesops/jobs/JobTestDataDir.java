package io.salesops.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data directory for a test that runs real jobs, and the settings that point the
 * application at it: an H2 file job repository inside it, no job run at start-up, and the test
 * JVM's shared Spark session settings (two cores, two shuffle partitions).
 */
public final class JobTestDataDir {

    private JobTestDataDir() {
    }

    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void register(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("salesops.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("db/salesops"));
        registry.add("spring.batch.jdbc.initialize-schema", () -> "always");
        registry.add("spring.batch.job.enabled", () -> "false");
        registry.add("salesops.spark.master", () -> "local[2]");
        registry.add("salesops.spark.shuffle-partitions", () -> "2");
    }
}
