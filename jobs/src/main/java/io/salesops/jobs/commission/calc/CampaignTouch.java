package io.salesops.jobs.commission.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A campaign's touch of the customer's account before an order: a contact of the account attended,
 * opened, clicked, responded to or visited the campaign {@code daysBeforeOrder} days before the
 * order date (0: the same day). Crediting keeps, per campaign and kind of touch, the latest one on or
 * before the order date within the longest lookback a SPIF asks for; the SPIF decides whether it
 * counts.
 *
 * <p>Credits carry them as text, {@code campaign:days:type} joined by {@code ;} (e.g.
 * {@code CMP-07:12:attended;CMP-07:40:opened}), written and read here only.
 */
public record CampaignTouch(String campaign, int daysBeforeOrder, String type) {

    public CampaignTouch {
        if (campaign == null || campaign.isBlank() || campaign.contains(":") || campaign.contains(";")) {
            throw new IllegalArgumentException("a campaign touch needs a campaign id without ':' or ';', cannot be: "
                    + campaign);
        }
        if (daysBeforeOrder < 0) {
            throw new IllegalArgumentException("a campaign touch after the order does not lead to it, cannot be: "
                    + daysBeforeOrder + " days before");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a campaign touch needs its type (attended, opened, ...)");
        }
    }

    public static String format(List<CampaignTouch> touches) {
        return touches.stream().map(t -> t.campaign + ":" + t.daysBeforeOrder + ":" + t.type)
                .collect(Collectors.joining(";"));
    }

    /** @param text as {@link #format} writes it; null or blank for none */
    public static List<CampaignTouch> parse(String text) {
        List<CampaignTouch> touches = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return touches;
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("campaign touches are campaign:days:type joined by ';', cannot be: "
                        + text);
            }
            try {
                touches.add(new CampaignTouch(parts[0], Integer.parseInt(parts[1]), parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("campaign touch days must be a whole number, cannot be: " + entry);
            }
        }
        return touches;
    }
}
