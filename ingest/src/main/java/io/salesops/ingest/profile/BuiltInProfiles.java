package io.salesops.ingest.profile;

import io.salesops.warehouse.model.CanonicalTables;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profiles SalesOps knows without configuration. */
public final class BuiltInProfiles {

    /**
     * Kingdee-style sales order export (Chinese headers, GBK, dates as 2025/3/1, tax rate as 13%,
     * Chinese document statuses), as written by Kingdee K/3 and Cloud list exports.
     */
    public static final SourceProfile KINGDEE_SALES_ORDERS = new SourceProfile("kingdee-sales-orders",
            CanonicalTables.ORDERS,
            ordered("单据编号", "order_id", "日期", "order_date", "客户编码", "customer_id", "销售员", "rep_id",
                    "币别", "currency", "汇率", "fx_rate", "税率", "tax_rate", "价税合计", "total_amount",
                    "单据状态", "status"),
            Map.of("status", Map.of("未发货", "open", "已发货", "shipped", "已关闭", "closed", "已作废", "cancelled"),
                    "currency", Map.of("人民币", "CNY", "美元", "USD", "欧元", "EUR")),
            "uuuu/M/d", Charset.forName("GBK"));

    private BuiltInProfiles() {
    }

    public static List<SourceProfile> all() {
        List<SourceProfile> profiles = new ArrayList<>();
        CanonicalTables.ALL.forEach(table -> profiles.add(SourceProfile.canonical(table)));
        profiles.add(KINGDEE_SALES_ORDERS);
        return List.copyOf(profiles);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
