package io.salesops.ingest.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where generated numbers become decimals: money has 2 places, quantities 3,
 * rates at most 6, all rounded half-up. The CSV writers refuse any other scale.
 */
final class Amounts {
    static final BigDecimal VAT = new BigDecimal("0.13");
    static final BigDecimal NO_TAX = new BigDecimal("0.00");
    static final BigDecimal ONE = BigDecimal.ONE;

    private Amounts() {
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A generated amount rounded to a whole multiple of {@code step} currency units (1, 10, 100...). */
    static BigDecimal money(double value, long step) {
        long units = Math.max(1, Math.round(value / step)) * step;
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A generated price with cents. */
    static BigDecimal price(double value) {
        return BigDecimal.valueOf(Math.max(1, Math.round(value * 100)), 2);
    }

    static BigDecimal quantity(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }

    static BigDecimal rate(double value, int places) {
        return BigDecimal.valueOf(Math.round(value * StrictMath.pow(10, places)), places);
    }

    static BigDecimal tax(BigDecimal net, BigDecimal taxRate) {
        return money(net.multiply(taxRate));
    }

    /** A share of an amount, e.g. the first of two partial payments. */
    static BigDecimal share(BigDecimal amount, double fraction) {
        return money(amount.multiply(BigDecimal.valueOf(Math.round(fraction * 10_000), 4)));
    }
}
