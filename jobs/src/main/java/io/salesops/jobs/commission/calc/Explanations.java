package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.Tier;
import io.salesops.jobs.commission.plan.TierMode;
import io.salesops.reports.format.ReportFormats;
import java.math.BigDecimal;

/**
 * The sentences on payout lines, e.g. "12,000.00 × 3% (tier 2: 100,000–500,000, marginal)".
 * BigDecimal is formatted exactly; no value passes through double.
 */
public final class Explanations {

    private Explanations() {
    }

    /** Grouped, with at least {@code scale} decimals and never fewer than the value has. */
    public static String money(BigDecimal value, int scale) {
        return grouped(value, Math.max(scale, value.stripTrailingZeros().scale()));
    }

    /** A bound: grouped, decimals only where it has them (100,000 or 1,234.5). */
    static String bound(BigDecimal value) {
        return grouped(value, Math.max(0, value.stripTrailingZeros().scale()));
    }

    static String percent(BigDecimal fraction) {
        return plain(fraction.movePointRight(2)) + "%";
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String range(Tier tier) {
        return tier.to() == null ? "from " + bound(tier.from()) : bound(tier.from()) + "–" + bound(tier.to());
    }

    static String mode(TierMode mode) {
        return mode == TierMode.MARGINAL ? "marginal" : "retro: whole amount";
    }

    /** Thousands separators and exactly {@code decimals} decimals, rounded half-even when the value has more. */
    static String grouped(BigDecimal value, int decimals) {
        return ReportFormats.grouped(value, decimals, java.math.RoundingMode.HALF_EVEN);
    }
}
