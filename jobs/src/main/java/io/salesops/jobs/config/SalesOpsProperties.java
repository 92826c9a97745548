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
 */
@ConfigurationProperties("salesops")
public record SalesOpsProperties(Path dataDir, String timeZone, Double maxRejectRatio) {
    public SalesOpsProperties {
        dataDir = dataDir == null ? Path.of("salesops-data") : dataDir;
        timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
        maxRejectRatio = maxRejectRatio == null ? 0.05 : maxRejectRatio;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
