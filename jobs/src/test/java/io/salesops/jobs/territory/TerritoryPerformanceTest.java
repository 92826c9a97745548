package io.salesops.jobs.territory;

import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static io.salesops.jobs.spark.LiteralRows.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TerritoryPerformanceTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);

    final Dataset<Row> territories = rows(CanonicalTables.TERRITORIES,
            row("TE-HD", "华东区", "华东", null, "geographic"),
            row("TE-XB", "西北区", "西北", null, "geographic"),
            row("TE-HN", "华南区", "华南", null, "geographic"));
    final Dataset<Row> reps = rows(CanonicalTables.REPS,
            row("R1", "张伟", null, null, "rep", null, null, "TE-HD", date("2020-01-01"), null),
            row("R2", "李娜", null, null, "rep", null, null, "TE-HD", date("2020-01-01"), null),
            row("R3", "王芳", null, null, "rep", null, null, "TE-XB", date("2020-01-01"), null),
            row("R4", "赵磊", null, null, "rep", null, null, null, date("2020-01-01"), null));
    final Dataset<Row> quotas = rows(CanonicalTables.QUOTAS,
            row("R1", "2025-03", money("100000.00"), "CNY"),
            row("R2", "2025-03", money("50000.00"), "CNY"),
            row("R3", "2025-03", money("10000.00"), "USD"),
            row("R1", "2025-04", money("999999.00"), "CNY"));
    final Dataset<Row> fxRates = rows(CanonicalTables.FX_RATES,
            row("USD", date("2025-03-01"), rate("7.200000")),
            row("USD", date("2025-04-01"), rate("7.000000")));

    @Test
    void revenueIsTheMonthsNetInvoicesInCnyAgainstTheTerritorysQuotas() {
        // given: March invoices for East China (one in USD), one April invoice that must not count,
        // one for a rep without a territory
        Dataset<Row> invoices = rows(CanonicalTables.INVOICES,
                invoice("I1", "R1", "2025-03-01", "60000.00", "CNY"),
                invoice("I2", "R2", "2025-03-31", "1000.00", "USD"),
                invoice("I3", "R1", "2025-04-01", "5000.00", "CNY"),
                invoice("I4", "R3", "2025-03-15", "36000.00", "CNY"),
                invoice("I5", "R4", "2025-03-20", "10.50", "CNY"));

        // when
        List<Row> result = TerritoryPerformance.compute(new TerritoryPerformance.Inputs(
                TerritoryPerformance.invoicesInCny(invoices, fxRates, MARCH), fxRates, reps, territories, quotas),
                MARCH).collectAsList();

        // then: 华东 = 60000 + 1000 x 7.2 = 67200 against 150000 -> 0.448;
        //       西北 = 36000 against 10000 USD x 7.2 = 72000 -> 0.5; the rep without territory is unassigned
        assertThat(result).extracting(r -> r.getString(1) + "|" + r.getString(3) + "|" + r.getDecimal(4) + "|"
                        + r.getDecimal(5) + "|" + r.getDecimal(6) + "|" + r.getLong(7) + "|" + r.getLong(8))
                .containsExactly(
                        "unassigned|null|10.50|0.00|null|1|1",
                        "TE-HD|华东|67200.00|150000.00|0.448000|2|2",
                        "TE-XB|西北|36000.00|72000.00|0.500000|1|1");
        assertThat(result).allSatisfy(r -> assertThat(r.getString(0)).isEqualTo("2025-03"));
    }

    @Test
    void aForeignCurrencyInvoiceWithoutARateIsRefusedNamingIt() {
        Dataset<Row> invoices = rows(CanonicalTables.INVOICES, invoice("I9", "R1", "2025-03-02", "5.00", "EUR"));

        assertThatThrownBy(() -> TerritoryPerformance.requireRates(
                TerritoryPerformance.invoicesInCny(invoices, fxRates, MARCH), MARCH))
                .hasMessage("1 invoices of 2025-03 have no fx_rates row for their currency and month, e.g. invoice I9"
                        + " in EUR dated 2025-03-02; add the rate to fx_rates");
    }

    static Object[] invoice(String id, String rep, String date, String net, String currency) {
        return row(id, null, "C1", rep, date(date), null, money(net), money("0.00"), currency);
    }


    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }
}
