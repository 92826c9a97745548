package io.salesops.warehouse;

import java.nio.file.Path;

/**
 * Where everything lives under the one data directory: landing exports, the Parquet warehouse, the
 * embedded database (Spring Batch and Quartz), the analyst DuckDB files, reports and logs.
 */
public record DataLayout(Path root) {

    public DataLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** Exports waiting to be ingested (the generator writes here, users drop files here). */
    public Path landing() {
        return root.resolve("landing");
    }

    public Path warehouse() {
        return root.resolve("warehouse");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    /** Files made for people and other systems: payroll exports, by kind and period. */
    public Path exports() {
        return root.resolve("exports");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The H2 database file prefix (H2 adds .mv.db). */
    public Path database() {
        return root.resolve("db").resolve("salesops");
    }

    /** Scratch space for engines (Spark's local dirs); safe to delete between runs. */
    public Path work() {
        return root.resolve("work");
    }
}
