package io.salesops.jobs.commission.plan;

import java.util.Set;

/**
 * How a SPIF on a campaign attributes a sale by the campaign's touches ({@code attribution: touch})
 * instead of by the deal behind the order: the sale counts when a contact of the customer's account
 * was touched by the campaign at most {@code lookbackDays} days before the order date (the same day
 * included), by a touch of one of {@code types} (any type when empty).
 */
public record TouchAttribution(int lookbackDays, Set<String> types) {

    /** Longest lookback a plan may ask for: ten years. */
    public static final int MAX_LOOKBACK_DAYS = 3650;
    public static final int DEFAULT_LOOKBACK_DAYS = 90;
    /** The kinds of touch the campaign_touches table knows. */
    public static final Set<String> TYPES = Set.of("attended", "opened", "clicked", "responded", "visited");

    public TouchAttribution {
        if (lookbackDays < 0 || lookbackDays > MAX_LOOKBACK_DAYS) {
            throw new IllegalArgumentException("touch lookback must be from 0 to " + MAX_LOOKBACK_DAYS + " days, cannot"
                    + " be: " + lookbackDays);
        }
        types = Set.copyOf(types);
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("touch type must be one of " + new java.util.TreeSet<>(TYPES)
                        + ", cannot be: " + type);
            }
        }
    }

    public boolean counts(int daysBeforeOrder, String type) {
        return daysBeforeOrder <= lookbackDays && (types.isEmpty() || types.contains(type));
    }
}
