package io.salesops.jobs.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Warehouse settings.
 *
 * @param retainVersions versions kept per table after each publish
 *                       ({@code salesops.warehouse.retain-versions}, default 10, at least 1); the
 *                       current version and versions a running or restartable job pinned are
 *                       kept as well
 */
@ConfigurationProperties("salesops.warehouse")
public record WarehouseProperties(Integer retainVersions) {

    public static final int DEFAULT_RETAIN_VERSIONS = 10;

    public WarehouseProperties {
        retainVersions = retainVersions == null ? DEFAULT_RETAIN_VERSIONS : retainVersions;
        if (retainVersions < 1) {
            throw new IllegalArgumentException("salesops.warehouse.retain-versions must be at least 1, cannot be: "
                    + retainVersions);
        }
    }
}
