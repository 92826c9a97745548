package io.salesops.ingest.profile;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.ingest.sample.KingdeeOrdersFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The profiles SalesOps knows without configuration. */
public final class BuiltInProfiles {

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
        return List.copyOf(profiles);
    }

    /** The Kingdee layout is defined once, beside the generator that writes it; ingest reads it from there. */
    private static SourceProfile kingdee(KingdeeOrdersFormat format) {
        return SourceProfile.renaming("kingdee-sales-orders", CanonicalTables.ORDERS, format.columnsByHeader(),
                Map.of("status", format.statusesByLabel(),
                        "currency", Map.of("人民币", "CNY", "美元", "USD", "欧元", "EUR")),
                Map.of("order_date", format.datePattern()), format.charset());
    }
}
