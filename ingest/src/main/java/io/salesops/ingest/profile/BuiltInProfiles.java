package io.salesops.ingest.profile;

import io.salesops.warehouse.model.CanonicalTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profiles SalesOps knows without configuration: the generator's own canonical format, Kingdee
 * and Yonyou ERP sales orders, Salesforce objects and HubSpot deals (ingest/README.md lists them
 * with their headers and value maps). Detection picks among all of them, so every built-in must be
 * recognisable from its own header alone; BuiltInProfilesTest checks that.
 */
public final class BuiltInProfiles {

    /** Currencies as Chinese ERPs name them; declared before the profiles that use it. */
    static final Map<String, String> CHINESE_CURRENCY_NAMES = Map.of(
            "人民币", "CNY", "美元", "USD", "欧元", "EUR");

    /**
     * Kingdee-style sales order export (Chinese headers, GBK, dates as 2025/3/1, tax rate as 13%,
     * Chinese document statuses), as written by Kingdee K/3 and Cloud list exports.
     */
    public static final SourceProfile KINGDEE_SALES_ORDERS = kingdee(KingdeeOrdersFormat.SALES_ORDERS);

    private BuiltInProfiles() {
    }

    public static List<SourceProfile> all() {
        List<SourceProfile> profiles = new ArrayList<>();
        CanonicalTables.ALL.forEach(table -> profiles.add(SourceProfile.canonical(table)));
        profiles.add(KINGDEE_SALES_ORDERS);
        profiles.add(YonyouProfiles.SALES_ORDERS);
        profiles.addAll(SalesforceProfiles.all());
        profiles.addAll(HubSpotProfiles.all());
        return List.copyOf(profiles);
    }

    /** The Kingdee layout is defined once, beside the generator that writes it; ingest reads it from there. */
    private static SourceProfile kingdee(KingdeeOrdersFormat format) {
        return SourceProfile.renaming("kingdee-sales-orders", CanonicalTables.ORDERS, format.columnsByHeader(),
                Map.of("status", format.statusesByLabel(),
                        "currency", CHINESE_CURRENCY_NAMES),
                Map.of("order_date", format.datePattern()), format.charset());
    }
}
