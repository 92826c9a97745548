package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.Tier;
import io.salesops.jobs.commission.plan.TierMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount over half-open tiers [from, to). Marginal: one slice per tier the amount
 * reaches, each at its own rate. Retro: one slice, the whole amount at the rate of the tier that
 * contains it, so an amount exactly on a bound is paid at the higher tier. Above a closed last
 * tier nothing more is paid: the amount counts only up to that tier's {@code to}, in both modes.
 * Exact arithmetic; nothing is rounded here.
 */
public final class TierMath {

    private TierMath() {
    }

    public static List<TierSlice> slices(List<Tier> tiers, TierMode mode, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a tiered amount must be at least 0, cannot be: " + amount.toPlainString());
        }
        BigDecimal counted = tiers.get(tiers.size() - 1).upper().map(amount::min).orElse(amount);
        if (counted.signum() == 0) {
            return List.of();
        }
        return mode == TierMode.MARGINAL ? marginal(tiers, counted) : retro(tiers, counted);
    }

    private static List<TierSlice> marginal(List<Tier> tiers, BigDecimal amount) {
        List<TierSlice> slices = new ArrayList<>();
        for (int i = 0; i < tiers.size() && amount.compareTo(tiers.get(i).from()) > 0; i++) {
            Tier tier = tiers.get(i);
            BigDecimal top = tier.upper().map(amount::min).orElse(amount);
            slices.add(new TierSlice(i + 1, tier, top.subtract(tier.from()), tier.rate()));
        }
        return slices;
    }

    private static List<TierSlice> retro(List<Tier> tiers, BigDecimal amount) {
        for (int i = tiers.size() - 1; i >= 0; i--) {
            Tier tier = tiers.get(i);
            // the counted amount may equal a closed last tier's to: it still belongs to that tier
            if (tier.contains(amount) || (i == tiers.size() - 1 && tier.upper().isPresent()
                    && amount.compareTo(tier.to()) == 0)) {
                return List.of(new TierSlice(i + 1, tier, amount, tier.rate()));
            }
        }
        throw new IllegalStateException("tiers start at 0, so some tier contains " + amount.toPlainString());
    }

    /** Exact total over all slices. */
    public static BigDecimal payout(List<Tier> tiers, TierMode mode, BigDecimal amount) {
        return slices(tiers, mode, amount).stream().map(TierSlice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
