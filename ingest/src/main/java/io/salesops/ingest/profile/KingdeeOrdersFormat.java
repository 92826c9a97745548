package io.salesops.ingest.profile;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a Kingdee-style ERP writes the {@code orders} table: GBK without BOM, Chinese headers, dates
 * like {@code 2025/3/1}, tax rates like {@code 13%} and statuses in Chinese. The generator writes
 * erp/sales_orders.csv with it and the ingest reads it back with the same instance, so the
 * mapping exists once.
 *
 * @param columnsByHeader Chinese header → canonical column, in file order
 * @param statusLabels    canonical status → Chinese label
 * @param datePattern     the date layout in {@link DateTimeFormatter} letters, 'u' for the year so that
 *                        it also works with {@link ResolverStyle#STRICT}
 */
public record KingdeeOrdersFormat(Charset charset, Map<String, String> columnsByHeader,
                                  Map<String, String> statusLabels, String datePattern) {

    public static final KingdeeOrdersFormat SALES_ORDERS = new KingdeeOrdersFormat(Charset.forName("GBK"),
            ordered("单据编号", "order_id", "日期", "order_date", "客户编码", "customer_id", "销售员", "rep_id",
                    "币别", "currency", "汇率", "fx_rate", "税率", "tax_rate", "价税合计", "total_amount",
                    "单据状态", "status"),
            ordered("open", "未发货", "shipped", "已发货", "closed", "已关闭", "cancelled", "已作废"),
            "uuuu/M/d");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public KingdeeOrdersFormat {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(datePattern, "datePattern");
        List<String> mapped = List.copyOf(columnsByHeader.values());
        if (!mapped.equals(CanonicalTables.ORDERS.columnNames())) {
            throw new IllegalArgumentException("Kingdee headers must map to the orders columns in their order "
                    + CanonicalTables.ORDERS.columnNames() + ", cannot be: " + mapped);
        }
        List<String> statuses = CanonicalTables.ORDERS.column("status").map(Column::allowedValues).orElseThrow();
        if (!List.copyOf(statusLabels.keySet()).equals(statuses)) {
            throw new IllegalArgumentException("Kingdee status labels must cover the order statuses " + statuses
                    + ", cannot be: " + statusLabels.keySet());
        }
        columnsByHeader = Collections.unmodifiableMap(new LinkedHashMap<>(columnsByHeader));
        statusLabels = Collections.unmodifiableMap(new LinkedHashMap<>(statusLabels));
    }

    public List<String> headers() {
        return List.copyOf(columnsByHeader.keySet());
    }

    /** Strict, so that 2025/2/30 is rejected instead of becoming 2025/2/28. */
    public DateTimeFormatter dateFormatter() {
        return DateTimeFormatter.ofPattern(datePattern).withResolverStyle(ResolverStyle.STRICT);
    }

    public String formatDate(LocalDate date) {
        return dateFormatter().format(date);
    }

    public LocalDate parseDate(String text) {
        return LocalDate.parse(text.trim(), dateFormatter());
    }

    /** 0.13 → 13%. */
    public String formatTaxRate(BigDecimal rate) {
        return rate.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
    }

    /** 13% → 0.13; the sign may be missing. */
    public BigDecimal parseTaxRate(String text) {
        String number = text.trim();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).trim();
        }
        return new BigDecimal(number).divide(HUNDRED);
    }

    /** Chinese label → canonical status, the direction an ingest needs. */
    public Map<String, String> statusesByLabel() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        statusLabels.forEach((status, label) -> byLabel.put(label, status));
        return Collections.unmodifiableMap(byLabel);
    }

    public String statusLabel(String status) {
        String label = statusLabels.get(status);
        if (label == null) {
            throw new IllegalArgumentException("order status must be one of " + statusLabels.keySet()
                    + ", cannot be: " + status);
        }
        return label;
    }

    public String statusOf(String label) {
        String trimmed = label.trim();
        return statusLabels.entrySet().stream().filter(e -> e.getValue().equals(trimmed)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "Kingdee order status must be one of " + statusLabels.values() + ", cannot be: " + label));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
