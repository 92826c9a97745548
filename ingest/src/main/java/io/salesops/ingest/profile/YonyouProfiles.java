package io.salesops.ingest.profile;

import static io.salesops.ingest.profile.ProfileBuilder.profile;

import io.salesops.warehouse.model.CanonicalTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yonyou U8-style sales order list export (销售订单列表): Chinese headers, GBK/GB18030 without BOM,
 * dates {@code 2025-3-1} or {@code 2025/3/1}, 税率 as {@code 13} or {@code 13%}, currencies by their
 * Chinese names (人民币, 美元, 欧元), amounts with thousands separators.
 *
 * <p><b>Grain.</b> U8 writes one row per order line: 存货编码, 数量, 含税单价 and 无税金额 are line
 * fields, and 价税合计 is the line's total. The canonical orders table is one row per order keyed
 * by 订单号 (the number invoices refer to), so the profile rolls the lines up ({@link
 * LoadRule#rollUp}): total_amount is the sum of the order's 价税合计, the other order fields come
 * from its first line, and the file's result counts the lines folded in. The line columns are not
 * mapped, since order_lines needs a line number the export does not carry.
 *
 * <p><b>Defaults.</b> The list has no order status (U8 tracks shipping on 发货单, not on the order),
 * so every order lands as {@code open}: not known to be shipped, closed or cancelled. 币种 defaults
 * to CNY, U8's local currency for the suppliers SalesOps serves, when the column is blank or left
 * out of a domestic-only export.
 *
 * <p><b>Encoding</b> is detected rather than declared (unlike Kingdee's GBK): a GBK export is read
 * as GB18030, its superset, and one re-saved as UTF-8 still loads instead of being decoded as GBK.
 */
public final class YonyouProfiles {

    /**
     * 税率 is a percentage number, 13 meaning 13 %: appending the sign lets the number parser read
     * every plain form (13, 13.00, 9) as a percentage. A cell that already has the sign then reads
     * "13%%", mapped back here for the statutory VAT rates (current and past); any other such rate
     * is quarantined as not a number rather than stored a hundred times too large.
     */
    private static final List<String> VAT_RATES = List.of("0", "1", "3", "5", "6", "9", "10", "11", "13", "16", "17");

    public static final SourceProfile SALES_ORDERS = profile("yonyou-sales-orders", CanonicalTables.ORDERS)
            .column("order_id", "订单号")
            .column("order_date", "日期")
            .column("customer_id", "客户编码")
            .column("rep_id", "业务员")
            .column("currency", "币种").values("currency", BuiltInProfiles.CHINESE_CURRENCY_NAMES)
            .orElse("currency", "CNY")
            .column("fx_rate", "汇率")
            .template("tax_rate", "{税率}%").values("tax_rate", percentSignedTwice())
            .column("total_amount", "价税合计")
            .orElse("status", "open")
            .build().withLoad(LoadRule.rollUp(java.util.Set.of("total_amount")));

    private YonyouProfiles() {
    }

    private static Map<String, String> percentSignedTwice() {
        Map<String, String> map = new LinkedHashMap<>();
        VAT_RATES.forEach(rate -> map.put(rate + "%%", rate + "%"));
        return Map.copyOf(map);
    }
}
