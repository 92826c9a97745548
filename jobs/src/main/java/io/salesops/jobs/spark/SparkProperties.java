package io.salesops.jobs.spark;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spark settings: {@code salesops.spark.master} (default {@code local[*]}) and any
 * {@code salesops.spark.config.*} entry passed through as a Spark configuration key, e.g.
 * {@code salesops.spark.config[spark.executor.memory]=4g} for a cluster.
 */
@ConfigurationProperties("salesops.spark")
public record SparkProperties(String master, String timeZone, int shufflePartitions, boolean uiEnabled,
                              Map<String, String> config) {
    public SparkProperties {
        master = master == null || master.isBlank() ? "local[*]" : master;
        timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone;
        if (shufflePartitions < 0) {
            throw new IllegalArgumentException("salesops.spark.shuffle-partitions must be at least 1, cannot be: "
                    + shufflePartitions);
        }
        shufflePartitions = shufflePartitions == 0 ? 8 : shufflePartitions;
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
