package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A time-boxed bonus: each credit dated in [from, to) that matches the product category or the
 * campaign (exactly one of the two is set) earns the bonus.
 *
 * @param category the product category that qualifies, or null when a campaign does
 * @param campaign the campaign id that qualifies, or null when a category does
 * @param touch    for a campaign: empty when the sale counts for the campaign of the deal behind the
 *                 order (attribution: deal), else the touches that make it count (attribution: touch)
 */
public record SpifComponent(String id, LocalDate from, LocalDate to, String category, String campaign, Bonus bonus,
        Optional<BigDecimal> cap, Optional<TouchAttribution> touch) implements EarningComponent {

    public SpifComponent {
        PlanRules.requireId(id);
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("spif " + id + " to must be after from " + from + ", cannot be: " + to);
        }
        if ((category == null) == (campaign == null)) {
            throw new IllegalArgumentException("spif " + id + " targets either a category or a campaign, not "
                    + (category == null ? "neither" : "both"));
        }
        if (bonus == null) {
            throw new IllegalArgumentException("spif " + id + " needs an amount or a rate");
        }
        PlanRules.requirePositiveCap(cap);
        if (touch == null || (touch.isPresent() && campaign == null)) {
            throw new IllegalArgumentException("spif " + id + ": only a spif on a campaign attributes by touches");
        }
    }

    /** A spif on a category, or on the campaign of the deal behind the order. */
    public SpifComponent(String id, LocalDate from, LocalDate to, String category, String campaign, Bonus bonus,
                         Optional<BigDecimal> cap) {
        this(id, from, to, category, campaign, bonus, cap, Optional.empty());
    }

    public boolean runsOn(LocalDate date) {
        return !date.isBefore(from) && date.isBefore(to);
    }
}
