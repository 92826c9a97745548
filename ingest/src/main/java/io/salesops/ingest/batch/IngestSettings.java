package io.salesops.ingest.batch;

import java.time.ZoneId;

/**
 * @param localZone      zone of timestamps written without an offset
 * @param maxRejectRatio share of rejected records above which a file fails (0.05 = 5%)
 */
public record IngestSettings(ZoneId localZone, double maxRejectRatio) {
    public IngestSettings {
        if (maxRejectRatio < 0 || maxRejectRatio > 1) {
            throw new IllegalArgumentException("salesops.ingest.max-reject-ratio must be between 0 and 1, cannot be: "
                    + maxRejectRatio);
        }
    }
}
