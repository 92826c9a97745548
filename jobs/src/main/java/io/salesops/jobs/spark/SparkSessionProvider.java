package io.salesops.jobs.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the process's one Spark session on first use. Commands that never touch Spark (query,
 * jobs) then start in well under a second; Spark's own start costs about three.
 */
public final class SparkSessionProvider implements AutoCloseable {

    private final SparkProperties properties;
    private final Path localDir;
    private SparkSession session;

    public SparkSessionProvider(SparkProperties properties, Path localDir) {
        this.properties = properties;
        this.localDir = localDir;
    }

    public synchronized SparkSession get() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder()
                    .appName("salesops")
                    .master(properties.master())
                    .config("spark.ui.enabled", Boolean.toString(properties.uiEnabled()))
                    .config("spark.sql.session.timeZone", properties.timeZone())
                    .config("spark.sql.shuffle.partitions", Integer.toString(properties.shufflePartitions()))
                    .config("spark.sql.adaptive.enabled", "true")
                    .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                    .config("spark.sql.ansi.enabled", "true")
                    // Hadoop sets every file it writes to its own umask (022 by default, whatever the
                    // process umask): the data directory is owner-only
                    .config("spark.hadoop.fs.permissions.umask-mode", "077")
                    .config("spark.local.dir", localDir.toAbsolutePath().toString());
            if (properties.master().startsWith("local")) {
                builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            }
            properties.config().forEach(builder::config);
            session = builder.getOrCreate();
        }
        return session;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
