package io.salesops.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.warehouse.model.CanonicalTables;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YonyouProfilesTest {

    static final String ORDERS = "yonyou/sales_orders.csv";

    @TempDir
    Path root;
    FixtureWarehouse warehouse;

    @BeforeEach
    void emptyWarehouse() {
        warehouse = new FixtureWarehouse(root);
    }

    @Test
    void theFixtureIsReallyGbkWithoutBom() throws Exception {
        byte[] bytes = Files.readAllBytes(FixtureWarehouse.FIXTURES.resolve(ORDERS));

        assertThat(bytes[0] & 0xFF).isNotEqualTo(0xEF);
        assertThat(new String(bytes, "GBK")).startsWith("订单号,日期,客户编码,部门,业务员,币种");
        assertThat(decodesAsUtf8(bytes)).isFalse();
    }

    @Test
    void theOrderListIsDetectedFromItsChineseHeaderAndNotTakenForKingdee() throws Exception {
        assertThat(FixtureWarehouse.detect(ORDERS)).isSameAs(YonyouProfiles.SALES_ORDERS);
    }

    @Test
    void chineseTextDatesRatesCurrenciesAndAmountsLandExactly() throws Exception {
        // when
        FileIngestResult result = warehouse.load(ORDERS);

        // then: GBK read as GB18030; 13, 13% and 13.00 all 0.13; blank 币种 CNY; no status column, so open
        assertThat(result.charset()).isEqualTo("GB18030");
        assertThat(result.rejected()).isZero();
        assertThat(warehouse.rows(CanonicalTables.ORDERS, "order_id, order_date, customer_id, rep_id, currency,"
                + " fx_rate, tax_rate, total_amount, status")).containsExactly(
                "0000000101|2025-03-01|C华东001|张伟|CNY|1.000000|0.130000|11300.00|open",
                "0000000102|2025-03-05|C华南017|李静|USD|7.152300|0.000000|3200.00|open",
                "0000000103|2025-03-12|C华北005|刘洋|CNY|1.000000|0.130000|30510.00|open",
                "0000000104|2025-03-20|C西南002|陈晨|EUR|7.800000|0.090000|3270.00|open",
                "0000000105|2025-03-25|C华东002|张伟|CNY|null|0.130000|11300.00|open");
    }

    /**
     * Pins the documented limit of the order grain: the first line of an order stands for the
     * order, and a further line is counted as a duplicate, not added to total_amount (24,860.00 of
     * the order's 30,510.00). Summing lines needs a roll-up step the ingest does not have yet.
     */
    @Test
    void theLinesOfAnOrderRollUpIntoOneOrderWithTheirTotal() throws Exception {
        FileIngestResult result = warehouse.load(ORDERS);

        // 0000000103 has two lines in the fixture: 24,860.00 + 5,650.00 价税合计
        assertThat(result.rowsRead()).isEqualTo(6);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(warehouse.rows(CanonicalTables.ORDERS, "order_id, total_amount, _source_line"))
                .contains("0000000103|30510.00|4");
    }

    private static boolean decodesAsUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
