package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Pays {@code rate × multiplier} on the period's credited amount, the multiplier chosen by quota
 * attainment band: above 1 it accelerates, below 1 it decelerates. In marginal mode each slice of
 * the amount is paid at its band's multiplier; in retro mode the band the whole amount reaches
 * sets the multiplier for all of it (a decelerator usually wants retro: below the threshold,
 * everything is paid less). {@code ramp}, when present, lowers a new hire's quota and takes
 * precedence over the plan's ramp; {@code trueUp} YEAR_TO_DATE pays through calc.TrueUpMath over
 * the year's periods instead of on each period alone; its {@code cap} then limits what a period
 * pays of the year to date, and what it withholds is due again later in the year, and {@code
 * negative} says whether a period whose year to date fell below what was paid takes the difference
 * back.
 */
public record AttainmentComponent(String id, BigDecimal rate, TierMode mode, List<AttainmentBand> bands,
        Optional<BigDecimal> cap, Optional<Ramp> ramp, TrueUp trueUp, NegativeTrueUp negative)
        implements EarningComponent {

    public AttainmentComponent {
        PlanRules.requireId(id);
        PlanRules.requireNonNegative(rate, "rate");
        if (mode == null) {
            throw new IllegalArgumentException("band mode is required: marginal or retro");
        }
        bands = List.copyOf(bands);
        PlanRules.requireContiguous(bands.stream().map(b -> new PlanRules.Bounds(b.from(), b.to())).toList(),
                "band");
        PlanRules.requirePositiveCap(cap);
        if (ramp == null || trueUp == null || negative == null) {
            throw new IllegalArgumentException("ramp (may be empty), true_up and negative_true_up are required");
        }
        if (negative != NegativeTrueUp.TAKE_BACK && trueUp != TrueUp.YEAR_TO_DATE) {
            throw new IllegalArgumentException("component " + id + ": negative_true_up applies only to true_up:"
                    + " year_to_date, cannot be: " + negative.name().toLowerCase(java.util.Locale.ROOT) + " on a"
                    + " component paid on each period alone");
        }
    }

    /** A year-to-date true-up that takes back what earlier periods paid above the year to date. */
    public AttainmentComponent(String id, BigDecimal rate, TierMode mode, List<AttainmentBand> bands,
            Optional<BigDecimal> cap, Optional<Ramp> ramp, TrueUp trueUp) {
        this(id, rate, mode, bands, cap, ramp, trueUp, NegativeTrueUp.TAKE_BACK);
    }

    /** Without a ramp of its own, paying on each period alone. */
    public AttainmentComponent(String id, BigDecimal rate, TierMode mode, List<AttainmentBand> bands,
            Optional<BigDecimal> cap) {
        this(id, rate, mode, bands, cap, Optional.empty(), TrueUp.NONE);
    }
}
