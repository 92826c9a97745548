package io.salesops.jobs.config;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Top-level settings.
 *
 * @param dataDir        everything SalesOps stores (salesops.data-dir, default ./salesops-data)
 * @param timeZone       business time zone: local timestamps in exports, schedule periods
 * @param maxRejectRatio share of rejected records above which an export file fails
 * @param analystGroup   a Unix group allowed to read analyst.duckdb (masked), and nothing else of
 *                       the data directory (salesops.analyst-group; unset: owner-only like the rest)
 */
@ConfigurationProperties("salesops")
public record SalesOpsProperties(Path dataDir, String timeZone, Double maxRejectRatio, String analystGroup) {
    public SalesOpsProperties {
        dataDir = dataDir == null ? Path.of("salesops-data") : dataDir;
        timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
        maxRejectRatio = maxRejectRatio == null ? 0.05 : maxRejectRatio;
    }

    public java.util.Optional<String> sharedAnalystGroup() {
        return analystGroup == null || analystGroup.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(analystGroup.strip());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
