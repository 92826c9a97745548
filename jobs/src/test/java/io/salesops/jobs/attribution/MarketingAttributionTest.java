package io.salesops.jobs.attribution;

import static io.salesops.jobs.spark.LiteralRows.ts;
import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static io.salesops.jobs.spark.LiteralRows.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.spark.SharedSpark;
import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * March 2026 (Asia/Shanghai) on hand-built leads, deals and touches, worked out here.
 *
 * <pre>
 * C1 trade show, 1–31 March, actual cost 31,000          → March cost 31,000
 * C2 email, 15 Feb–16 March, budget 10,000, no actual      → 16 of 30 days: 5,333.33
 * C3 webinar, January only                                 → no cost, no credit: no row
 *
 * L1 lead of C1 (2 Mar), converted to O1                    lead: C1; mql: C1
 * L2 lead without campaign (3 Mar); C2 touch on 4 Mar, after it was created: not its source
 * L3 lead of C2 (10 Mar), status mql; C1 touch on 12 Mar    lead: C2; mql: C2 then C1
 * O1 created 5 Mar on account A1: C1 (2 Mar, via L1), C2 (account touch, 4 Mar)
 *    won 25 Mar at 100,000: also C1 (account touch, 20 Mar); a C2 touch on 28 Mar is after the
 *    win, and a C3 touch of January 2024 is past the 365-day lookback
 * O2 created 8 Mar without lead or touch                    opportunity: (none)
 *
 * time decay, shares 2^(−age/7 days), normalised: won O1 (ages 23, 21, 5 days): C1 0.850666,
 * C2 0.149334; mql L3 (ages 21.583 and 19.583 days): C2 0.450651, C1 0.549349; opportunity O1
 * (ages 3 and 1 days): C1 0.450651, C2 0.549349
 * </pre>
 */
class MarketingAttributionTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = MARCH.atDay(1).atStartOfDay(SHANGHAI).toInstant();
    static final Instant END = MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();

    final Dataset<Row> campaigns = rows(CanonicalTables.CAMPAIGNS,
            row("C1", "上海涂料展 Coatings show", "trade_show", "completed", date("2026-03-01"), date("2026-03-31"),
                    money("40000"), money("31000"), "CNY"),
            row("C2", "春季邮件 Spring mail", "email", "completed", date("2026-02-15"), date("2026-03-16"),
                    money("10000"), null, "CNY"),
            row("C3", "Webinar", "webinar", "completed", date("2026-01-10"), date("2026-01-10"), null, money("2000"),
                    "CNY"));
    final Dataset<Row> leads = rows(CanonicalTables.LEADS,
            lead("L1", "converted", "C1", "2026-03-02T02:00:00Z", "2026-03-05T02:00:00Z", "O1"),
            lead("L2", "new", null, "2026-03-03T02:00:00Z", null, null),
            lead("L3", "mql", "C2", "2026-03-10T02:00:00Z", null, null));
    final Dataset<Row> opportunities = rows(CanonicalTables.OPPORTUNITIES,
            row("O1", "A1", "deal O1", "closed_won", money("100000"), "CNY", null, date("2026-03-25"), "R1", null, null,
                    "closed", true, true, ts("2026-03-05T02:00:00Z")),
            row("O2", null, "deal O2", "prospecting", money("5000"), "CNY", null, null, "R1", null, null, null, false,
                    false, ts("2026-03-08T02:00:00Z")));
    final Dataset<Row> touches = rows(CanonicalTables.CAMPAIGN_TOUCHES,
            row("T1", "C2", "L2", null, null, "opened", ts("2026-03-04T02:00:00Z")),
            row("T2", "C1", "L3", null, null, "attended", ts("2026-03-12T02:00:00Z")),
            row("T3", "C2", null, "K1", "A1", "clicked", ts("2026-03-04T02:00:00Z")),
            row("T4", "C1", null, "K1", "A1", "visited", ts("2026-03-20T02:00:00Z")),
            row("T5", "C3", null, "K1", "A1", "attended", ts("2024-01-01T02:00:00Z")),
            row("T6", "C2", null, "K1", "A1", "opened", ts("2026-03-28T02:00:00Z")));
    final Dataset<Row> wonDeals = SharedSpark.get().createDataFrame(List.of(
                    RowFactory.create("O1", ts("2026-03-25T02:00:00Z"), money("100000"))),
            new StructType().add("opportunity_id", DataTypes.StringType).add("closed_at", DataTypes.TimestampType)
                    .add("amount_cny", ToCny.MONEY));

    @Test
    void eachModelCreditsTheEventsToTheTouchesBeforeThem() {
        assertThat(figures(attribution())).containsExactly(
                "(none) first_touch 0.00 | 1.000 0.000 1.000 0.000 0.00",
                "(none) last_touch 0.00 | 1.000 0.000 1.000 0.000 0.00",
                "(none) linear 0.00 | 1.000 0.000 1.000 0.000 0.00",
                "(none) time_decay 0.00 | 1.000 0.000 1.000 0.000 0.00",
                "C1 first_touch 31000.00 | 1.000 1.000 1.000 1.000 100000.00",
                "C1 last_touch 31000.00 | 1.000 2.000 0.000 1.000 100000.00",
                "C1 linear 31000.00 | 1.000 1.500 0.500 0.667 66666.67",
                "C1 time_decay 31000.00 | 1.000 1.549 0.451 0.851 85066.58",
                "C2 first_touch 5333.33 | 1.000 1.000 0.000 0.000 0.00",
                "C2 last_touch 5333.33 | 1.000 0.000 1.000 0.000 0.00",
                "C2 linear 5333.33 | 1.000 0.500 0.500 0.333 33333.33",
                "C2 time_decay 5333.33 | 1.000 0.451 0.549 0.149 14933.42");
    }

    @Test
    void theRatiosComeFromTheCostAndTheCredits() {
        Row c1 = attribution().where("campaign_id = 'C1' and model = 'first_touch'").first();
        Row c2 = attribution().where("campaign_id = 'C2' and model = 'first_touch'").first();

        assertThat(c1.<String>getAs("channel")).isEqualTo("trade_show");
        assertThat(c1.getDecimal(c1.fieldIndex("cost_per_lead"))).isEqualByComparingTo("31000.00");
        assertThat(c1.getDecimal(c1.fieldIndex("cost_per_won"))).isEqualByComparingTo("31000.00");
        // (100,000 − 31,000) / 31,000
        assertThat(c1.getDecimal(c1.fieldIndex("roi"))).isEqualByComparingTo("2.225806");
        assertThat(c2.isNullAt(c2.fieldIndex("cost_per_won"))).isTrue();
        assertThat(c2.getDecimal(c2.fieldIndex("roi"))).isEqualByComparingTo("-1");
    }

    @Test
    void everyModelCreditsEveryEventOnceAndABrokenShareIsNamed() {
        Dataset<Row> events = events();
        Dataset<Row> sums = MarketingAttribution.sums(credits(events));
        assertThat(AttributionComputation.violations(sums, events)).isEmpty();

        Dataset<Row> doubled = sums.withColumn("won", org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.expr("model = 'linear' and campaign_id = 'C1'"),
                org.apache.spark.sql.functions.col("won").multiply(2)).otherwise(org.apache.spark.sql.functions.col("won")));
        assertThat(AttributionComputation.violations(doubled, events)).singleElement().asString()
                .startsWith("linear credits 1.66666").endsWith(" won, the period has 1");
    }

    private Dataset<Row> attribution() {
        Dataset<Row> events = events();
        return MarketingAttribution.of(MarketingAttribution.sums(credits(events)), campaigns,
                rows(CanonicalTables.FX_RATES), MARCH);
    }

    private Dataset<Row> events() {
        return AttributionEvents.of(inputs(), START, END);
    }

    private Dataset<Row> credits(Dataset<Row> events) {
        return AttributionModels.credits(events, AttributionEvents.touches(inputs(), events));
    }

    private AttributionEvents.Inputs inputs() {
        return new AttributionEvents.Inputs(leads, opportunities, wonDeals, touches);
    }

    private static List<String> figures(Dataset<Row> attribution) {
        return attribution.orderBy("campaign_id", "model").collectAsList().stream()
                .map(r -> r.getAs("campaign_id") + " " + r.getAs("model") + " " + r.getAs("cost") + " | "
                        + r.getAs("leads") + " " + r.getAs("mqls") + " " + r.getAs("opportunities") + " "
                        + r.getAs("won") + " " + r.getAs("won_amount"))
                .toList();
    }

    static Object[] lead(String id, String status, String campaign, String created, String convertedAt,
                         String opportunity) {
        return row(id, null, "公司 " + id, "website", status, null, null, "R1", campaign, ts(created),
                convertedAt == null ? null : ts(convertedAt), opportunity);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
