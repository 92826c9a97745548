package io.salesops.jobs.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a test JVM: local[2], no UI, two shuffle partitions. Spark costs seconds
 * to start; every test class shares this session, and Spring contexts in the same JVM get it too
 * through getOrCreate.
 */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("salesops-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "Asia/Shanghai")
                    .config("spark.sql.ansi.enabled", "true")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }
}
