package io.salesops.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KingdeeOrdersFormatTest {
    private final KingdeeOrdersFormat format = KingdeeOrdersFormat.SALES_ORDERS;

    @Test
    void mapsEveryChineseHeaderToTheOrdersColumnsInOrder() {
        assertThat(format.headers()).containsExactly("单据编号", "日期", "客户编码", "销售员", "币别", "汇率", "税率",
                "价税合计", "单据状态");
        assertThat(format.columnsByHeader().values()).containsExactlyElementsOf(CanonicalTables.ORDERS.columnNames());
        assertThat(format.charset()).isEqualTo(Charset.forName("GBK"));
    }

    @Test
    void writesDatesWithoutLeadingZerosAndReadsThemStrictly() {
        // when
        String text = format.formatDate(LocalDate.of(2025, 3, 1));

        // then
        assertThat(text).isEqualTo("2025/3/1");
        assertThat(format.parseDate("2025/12/31")).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThatThrownBy(() -> format.parseDate("2025/2/30")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void writesTaxRatesAsPercentages() {
        assertThat(format.formatTaxRate(new BigDecimal("0.13"))).isEqualTo("13%");
        assertThat(format.formatTaxRate(new BigDecimal("0.00"))).isEqualTo("0%");
        assertThat(format.parseTaxRate("13%")).isEqualByComparingTo("0.13");
        assertThat(format.parseTaxRate(" 9 % ")).isEqualByComparingTo("0.09");
    }

    @Test
    void translatesStatusesBothWays() {
        assertThat(format.statusLabel("open")).isEqualTo("未发货");
        assertThat(format.statusLabel("shipped")).isEqualTo("已发货");
        assertThat(format.statusLabel("closed")).isEqualTo("已关闭");
        assertThat(format.statusLabel("cancelled")).isEqualTo("已作废");
        assertThat(format.statusOf(" 已作废")).isEqualTo("cancelled");
        assertThat(format.statusesByLabel()).containsEntry("已发货", "shipped").hasSize(4);
        assertThatThrownBy(() -> format.statusOf("已审核"))
                .hasMessage("Kingdee order status must be one of [未发货, 已发货, 已关闭, 已作废], cannot be: 已审核");
    }

    @Test
    void refusesAMappingThatMissesAColumn() {
        // given
        Map<String, String> headers = new LinkedHashMap<>(format.columnsByHeader());
        headers.remove("汇率");

        // when / then
        assertThatThrownBy(() -> new KingdeeOrdersFormat(format.charset(), headers, format.statusLabels(), "uuuu/M/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kingdee headers must map to the orders columns in their order");
    }
}
