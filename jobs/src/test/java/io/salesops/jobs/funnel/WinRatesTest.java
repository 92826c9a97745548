package io.salesops.jobs.funnel;

import static io.salesops.jobs.funnel.FunnelConversionTest.change;
import static io.salesops.jobs.spark.LiteralRows.date;
import static io.salesops.jobs.spark.LiteralRows.row;
import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * win_rates of March 2026 on hand-built deals, worked out here: D1 (100,000 CNY, created 1
 * February, won 3 March: 30 days) and D2 (1,000 USD × 7.2 = 7,200 CNY, created 1 March, won 11
 * March: 10 days) won; D3 (50,000 CNY) lost in March; D4 open at the end of March; D5 won in
 * February and D6 created in April do not count.
 */
class WinRatesTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Dataset<Row> opportunities = rows(CanonicalTables.OPPORTUNITIES,
            deal("D1", "closed_won", "100000.00", "CNY", "R1", "trade_show", "2026-02-01T02:00:00Z"),
            deal("D2", "closed_won", "1000.00", "USD", "R2", "website", "2026-03-01T02:00:00Z"),
            deal("D3", "closed_lost", "50000.00", "CNY", "R1", "website", "2026-01-05T02:00:00Z"),
            deal("D4", "proposal", "20000.00", "CNY", "R1", null, "2026-02-10T02:00:00Z"),
            deal("D5", "closed_won", "99999.00", "CNY", "R2", "website", "2026-01-01T02:00:00Z"),
            deal("D6", "prospecting", "5000.00", "EUR", "R2", null, "2026-04-02T02:00:00Z"));
    final Dataset<Row> history = rows(CanonicalTables.OPPORTUNITY_STAGE_HISTORY,
            change("D1", "prospecting", "2026-02-01T02:00:00Z"), change("D1", "closed_won", "2026-03-03T02:00:00Z"),
            change("D2", "prospecting", "2026-03-01T02:00:00Z"), change("D2", "closed_won", "2026-03-11T02:00:00Z"),
            change("D3", "prospecting", "2026-01-05T02:00:00Z"), change("D3", "closed_lost", "2026-03-20T02:00:00Z"),
            change("D4", "proposal", "2026-02-10T02:00:00Z"),
            change("D5", "prospecting", "2026-01-01T02:00:00Z"), change("D5", "closed_won", "2026-02-20T02:00:00Z"),
            change("D6", "prospecting", "2026-04-02T02:00:00Z"));
    final Dataset<Row> fxRates = rows(CanonicalTables.FX_RATES,
            row("USD", date("2026-03-01"), new BigDecimal("7.200000")),
            row("USD", date("2026-02-01"), new BigDecimal("7.100000")));

    @Test
    void theMonthsClosedDealsGiveTheRatesAndTheOpenOnesTheVelocity() {
        Row all = winRates(fxRates).where("dimension = 'all'").first();

        assertThat(all.<Long>getAs("won")).isEqualTo(2);
        assertThat(all.<Long>getAs("lost")).isEqualTo(1);
        assertThat(all.<Long>getAs("open_deals")).isEqualTo(1);
        assertThat(all.getDecimal(all.fieldIndex("win_rate"))).isEqualByComparingTo("0.666667");
        // 107,200 / (107,200 + 50,000)
        assertThat(all.getDecimal(all.fieldIndex("win_rate_amount"))).isEqualByComparingTo("0.681934");
        assertThat(all.getDecimal(all.fieldIndex("avg_won_amount"))).isEqualByComparingTo("53600.00");
        assertThat(all.getDecimal(all.fieldIndex("avg_cycle_days"))).isEqualByComparingTo("20");
        // 1 open deal × 0.666667 × 53,600 ÷ 20 days
        assertThat(all.getDecimal(all.fieldIndex("pipeline_velocity"))).isEqualByComparingTo("1786.67");
    }

    @Test
    void aDimensionsValuesAddUpToAllWithAMissingSourceAsItsOwnBucket() {
        assertThat(winRates(fxRates).where("dimension = 'source'").orderBy("dimension_value").collectAsList())
                .extracting(r -> r.getAs("dimension_value") + " " + r.getAs("won") + " " + r.getAs("lost") + " "
                        + r.getAs("open_deals"))
                .containsExactly("(none) 0 0 1", "trade_show 1 0 0", "website 1 1 0");
    }

    @Test
    void aForeignCurrencyDealWithoutTheMonthsRateFailsNamingIt() {
        Dataset<Row> februaryOnly = rows(CanonicalTables.FX_RATES,
                row("USD", date("2026-02-01"), new BigDecimal("7.100000")));

        assertThatThrownBy(() -> winRates(februaryOnly).collectAsList())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("1 deals of 2026-03 have no fx_rates row for their currency on 2026-03-01, e.g."
                        + " opportunity D2 in USD; add the rate to fx_rates");
    }

    /** Found by the DuckDB reference of `salesops bench funnels`: a value with losses only had no amount rate. */
    @Test
    void aValueThatOnlyLostHasRatesOfZeroNotEmpty() {
        Row all = winRates(opportunities.where("opportunity_id = 'D3'"), history.where("opportunity_id = 'D3'"),
                fxRates).where("dimension = 'all'").first();

        assertThat(all.<Long>getAs("won")).isZero();
        assertThat(all.<Long>getAs("lost")).isEqualTo(1);
        assertThat(all.getDecimal(all.fieldIndex("win_rate"))).isEqualByComparingTo("0");
        assertThat(all.getDecimal(all.fieldIndex("win_rate_amount"))).isEqualByComparingTo("0");
        assertThat(all.isNullAt(all.fieldIndex("avg_won_amount"))).isTrue();
    }

    private Dataset<Row> winRates(Dataset<Row> rates) {
        return winRates(opportunities, history, rates);
    }

    private Dataset<Row> winRates(Dataset<Row> opportunities, Dataset<Row> history, Dataset<Row> rates) {
        FunnelConversionTest context = new FunnelConversionTest();
        FunnelJourneys.Inputs inputs = new FunnelJourneys.Inputs(context.leads, opportunities, history, context.reps,
                context.territories, context.accounts, context.orders);
        Instant asOf = MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
        return WinRates.of(FunnelJourneys.deals(inputs, asOf, SHANGHAI,
                SharedSpark.get().conf().get("spark.sql.session.timeZone")), rates, MARCH, SHANGHAI);
    }

    static Object[] deal(String id, String stage, String amount, String currency, String rep, String source,
                         String created) {
        return row(id, null, "deal " + id, stage, new BigDecimal(amount), currency, null, null, rep, source, null, null,
                stage.startsWith("closed"), stage.equals("closed_won"), ts(created));
    }
}
