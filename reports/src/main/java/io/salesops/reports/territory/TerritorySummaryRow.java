package io.salesops.reports.territory;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One territory's figures for a period, as the territory summary report prints them.
 *
 * @param revenue    in the report's currency; may be negative (credit notes)
 * @param quota      in the report's currency; zero when the territory has no quota
 * @param attainment revenue / quota as a ratio (0.9731 prints as 97.3%); null exactly when quota is zero
 */
public record TerritorySummaryRow(String territoryId, String territoryName, String region, BigDecimal revenue,
                                  BigDecimal quota, BigDecimal attainment, long invoiceCount, int repCount) {

    public TerritorySummaryRow {
        requireText(territoryId, "territoryId", territoryId);
        requireText(territoryName, "territoryName", territoryId);
        requireText(region, "region", territoryId);
        Objects.requireNonNull(revenue, () -> "revenue must be given (territory " + territoryId + ")");
        Objects.requireNonNull(quota, () -> "quota must be given (territory " + territoryId + ")");
        if (quota.signum() < 0) {
            throw new IllegalArgumentException("quota must be at least 0, cannot be: " + quota
                    + " (territory " + territoryId + ")");
        }
        if (quota.signum() == 0 && attainment != null) {
            throw new IllegalArgumentException("attainment must be null when quota is 0, cannot be: " + attainment
                    + " (territory " + territoryId + ")");
        }
        if (quota.signum() > 0 && attainment == null) {
            throw new IllegalArgumentException("attainment must be given when quota is " + quota
                    + ", cannot be: null (territory " + territoryId + ")");
        }
        if (invoiceCount < 0) {
            throw new IllegalArgumentException("invoiceCount must be at least 0, cannot be: " + invoiceCount
                    + " (territory " + territoryId + ")");
        }
        if (repCount < 0) {
            throw new IllegalArgumentException("repCount must be at least 0, cannot be: " + repCount
                    + " (territory " + territoryId + ")");
        }
    }

    private static void requireText(String value, String name, String territoryId) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, cannot be: "
                    + (value == null ? "null" : "'" + value + "'") + " (territory " + territoryId + ")");
        }
    }
}
