package io.salesops.jobs.commission.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Exchange rates to CNY by the first day each applies ({@code fx_rates}), and the one conversion
 * commissions use: an amount in currency A on date D is {@code amount × rate(A, D) / rate(B, D)} in
 * currency B, where rate(X, D) is the latest rate of X dated on or before D and CNY is always 1. The
 * division is carried to {@value #SCALE} decimals (half-even), far below any payout rounding; a
 * conversion between two currencies at the same rate, or to CNY, is exact.
 */
public final class FxTable implements java.io.Serializable {

    public static final String BASE = "CNY";
    static final int SCALE = 10;

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    /** Adds the rate of one unit of {@code currency} in CNY from {@code from} on. */
    public FxTable with(String currency, LocalDate from, BigDecimal rateToCny) {
        if (rateToCny.signum() <= 0) {
            throw new IllegalArgumentException("an fx rate must be above 0, cannot be: " + rateToCny.toPlainString()
                    + " (" + currency + " from " + from + ")");
        }
        rates.computeIfAbsent(currency, c -> new TreeMap<>()).put(from, rateToCny);
        return this;
    }

    /** CNY per one unit of {@code currency} on {@code date}. */
    public BigDecimal rate(String currency, LocalDate date) {
        if (BASE.equals(currency)) {
            return BigDecimal.ONE;
        }
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(currency);
        Map.Entry<LocalDate, BigDecimal> entry = byDate == null ? null : byDate.floorEntry(date);
        if (entry == null) {
            throw new IllegalArgumentException("no fx_rates row for " + currency + " on or before " + date
                    + "; add the rate to fx_rates");
        }
        return entry.getValue();
    }

    /** The rate that turns an amount in {@code from} into {@code to} on {@code date}. */
    public BigDecimal factor(String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        BigDecimal fromRate = rate(from, date);
        BigDecimal toRate = rate(to, date);
        return toRate.compareTo(BigDecimal.ONE) == 0 ? fromRate
                : fromRate.divide(toRate, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    public BigDecimal convert(BigDecimal amount, String from, String to, LocalDate date) {
        return amount.multiply(factor(from, to, date));
    }
}
