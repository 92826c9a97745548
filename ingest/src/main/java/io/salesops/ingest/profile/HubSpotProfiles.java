package io.salesops.ingest.profile;

import static io.salesops.ingest.profile.ProfileBuilder.pairs;
import static io.salesops.ingest.profile.ProfileBuilder.profile;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.warehouse.model.CanonicalTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HubSpot-style deal exports → opportunities, in the two shapes HubSpot writes: internal property
 * names (API and workflow exports; timestamps often epoch milliseconds) and property labels (the
 * UI's export, whose id column is "Record ID", or "Deal ID" in older portals).
 *
 * <p>Only the default pipeline's stages are known; a custom pipeline's stage ids are numbers and
 * are quarantined with the allowed stages named, for a YAML mapping to translate. is_closed and
 * is_won follow the mapped stage, so a deal can never be won in one column and open in another
 * (and the label export, which has no such flags, works the same way); hs_is_closed_won is
 * therefore not read. HubSpot deals carry no currency unless the portal has several: currency
 * comes from deal_currency_code / "Currency" when present, otherwise defaults to CNY. Owners land
 * as exported: the owner id in API exports, the owner's name in label exports.
 */
public final class HubSpotProfiles {

    /**
     * The default sales pipeline by milestone, with HubSpot's default probabilities beside the
     * canonical ones: a first appointment is prospecting (20 %), "qualified to buy" qualification
     * (40 %), the solution presentation starts the proposal (60 %, canonical 0.5), and the decision
     * maker's buy-in opens negotiation of the contract (80 % and 90 %, canonical 0.75).
     */
    static final Map<String, String> STAGES_BY_ID = pairs(
            "appointmentscheduled", "prospecting",
            "qualifiedtobuy", "qualification",
            "presentationscheduled", "proposal",
            "decisionmakerboughtin", "negotiation",
            "contractsent", "negotiation",
            "closedwon", "closed_won",
            "closedlost", "closed_lost");

    private static final Map<String, String> LABELS_BY_ID = pairs(
            "appointmentscheduled", "Appointment Scheduled",
            "qualifiedtobuy", "Qualified To Buy",
            "presentationscheduled", "Presentation Scheduled",
            "decisionmakerboughtin", "Decision Maker Bought-In",
            "contractsent", "Contract Sent",
            "closedwon", "Closed Won",
            "closedlost", "Closed Lost");

    /** Stage labels as exported; newer portals write them in sentence case ("Contract sent"). */
    static final Map<String, String> STAGES_BY_LABEL = stagesByLabel();

    /** HubSpot's "not forecasted" category; the others (PIPELINE, BEST_CASE, COMMIT, CLOSED) match by name. */
    private static final Map<String, String> FORECAST_CATEGORIES = pairs(
            "OMIT", "omitted",
            "Omit", "omitted",
            "Not forecasted", "omitted");

    private static final Set<String> CLOSED = Set.of("closed_won", "closed_lost");
    private static final Set<String> WON = Set.of("closed_won");

    /** Deal export with internal property names. */
    public static final SourceProfile DEALS = profile("hubspot-deals", CanonicalTables.OPPORTUNITIES)
            .column("opportunity_id", "hs_object_id")
            .column("opportunity_name", "dealname")
            .column("stage", "dealstage").values("stage", STAGES_BY_ID)
            .column("is_closed", "dealstage").values("is_closed", flags(STAGES_BY_ID, CLOSED))
            .column("is_won", "dealstage").values("is_won", flags(STAGES_BY_ID, WON))
            .column("amount", "amount")
            .column("currency", "deal_currency_code").orElse("currency", "CNY")
            // a DATE column reads 13-digit epoch milliseconds by itself, as the day in salesops.time-zone
            .column("close_date", "closedate")
            .column("created_at", "createdate").format("created_at", ValueParser.EPOCH_MILLIS)
            .column("owner_rep_id", "hubspot_owner_id")
            .column("forecast_category", "hs_manual_forecast_category").values("forecast_category",
                    FORECAST_CATEGORIES)
            .build();

    /** The UI's deal export with property labels and "Record ID". */
    public static final SourceProfile DEALS_BY_LABEL = labelExport("hubspot-deals-ui", "Record ID");

    /** The same from older portals, whose id column is "Deal ID". */
    public static final SourceProfile DEALS_BY_LABEL_DEAL_ID = labelExport("hubspot-deals-ui-deal-id", "Deal ID");

    private HubSpotProfiles() {
    }

    public static List<SourceProfile> all() {
        return List.of(DEALS, DEALS_BY_LABEL, DEALS_BY_LABEL_DEAL_ID);
    }

    /**
     * One profile per id header, because a column has one source: a file has either "Record ID"
     * or "Deal ID", so exactly one of the two is complete and detection stays unambiguous.
     */
    private static SourceProfile labelExport(String name, String idHeader) {
        return profile(name, CanonicalTables.OPPORTUNITIES)
                .column("opportunity_id", idHeader)
                .column("opportunity_name", "Deal Name")
                .column("stage", "Deal Stage").values("stage", STAGES_BY_LABEL)
                .column("is_closed", "Deal Stage").values("is_closed", flags(STAGES_BY_LABEL, CLOSED))
                .column("is_won", "Deal Stage").values("is_won", flags(STAGES_BY_LABEL, WON))
                .column("amount", "Amount")
                .column("currency", "Currency").orElse("currency", "CNY")
                .column("close_date", "Close Date")
                .column("created_at", "Create Date")
                .column("owner_rep_id", "Deal owner")
                .column("forecast_category", "Forecast category").values("forecast_category", FORECAST_CATEGORIES)
                .build();
    }

    /** Each stage label, in title case and in sentence case, → the canonical stage of its id. */
    private static Map<String, String> stagesByLabel() {
        Map<String, String> map = new LinkedHashMap<>();
        LABELS_BY_ID.forEach((id, label) -> {
            map.put(label, STAGES_BY_ID.get(id));
            map.put(label.charAt(0) + label.substring(1).toLowerCase(Locale.ROOT), STAGES_BY_ID.get(id));
        });
        return Map.copyOf(map);
    }

    /** Source stage → "true" when it maps to one of {@code stages}, else "false". */
    private static Map<String, String> flags(Map<String, String> stagesBySource, Set<String> stages) {
        Map<String, String> map = new LinkedHashMap<>();
        stagesBySource.forEach((source, stage) -> map.put(source, String.valueOf(stages.contains(stage))));
        return Map.copyOf(map);
    }
}
