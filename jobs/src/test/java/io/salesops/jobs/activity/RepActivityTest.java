package io.salesops.jobs.activity;

import static io.salesops.jobs.spark.LiteralRows.ts;
import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * rep_activity of March 2026 (Asia/Shanghai), worked out here. R1 owns four leads of March: L1
 * (answered 3 hours later on its deal's account A1), L2 (24 hours later on its deal O2), L3 (not
 * converted: no activity can be linked) and L4 (converted to O1 after the A1 call, which is
 * before it came in; answered 48 hours later on O1). Median of 3, 24, 48 hours: 24; p90: 24 + 0.8
 * × 24 = 43.2. R1's March activities: a call, a visit, an email (a February meeting does not
 * count). Deals advanced: O1 (twice, counted once) and O2 (won); O3 regressed, O4 moved in
 * February. R2 left in February and R3 joins in April: not listed; R4 did nothing: zeros.
 */
class RepActivityTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void perRepTheLeadsAndHowFastTheyWereAnsweredTheActivitiesAndTheDealsMoved() {
        Dataset<Row> reps = rows(CanonicalTables.REPS, rep("R1", "2020-01-01", null), rep("R2", "2020-01-01", "2026-02-15"),
                rep("R3", "2026-04-10", null), rep("R4", "2021-01-01", null));
        Dataset<Row> leads = rows(CanonicalTables.LEADS, lead("L1", "2026-03-02T02:00:00Z", "O1"),
                lead("L2", "2026-03-05T02:00:00Z", "O2"), lead("L3", "2026-03-07T02:00:00Z", null),
                lead("L4", "2026-03-10T02:00:00Z", "O1"));
        Dataset<Row> opportunities = rows(CanonicalTables.OPPORTUNITIES, deal("O1", "A1"), deal("O2", null),
                deal("O3", null), deal("O4", null));
        Dataset<Row> history = rows(CanonicalTables.OPPORTUNITY_STAGE_HISTORY,
                change("O1", "prospecting", "2026-03-02T02:00:00Z"), change("O1", "qualification", "2026-03-10T02:00:00Z"),
                change("O1", "proposal", "2026-03-15T02:00:00Z"), change("O2", "prospecting", "2026-03-05T02:00:00Z"),
                change("O2", "closed_won", "2026-03-20T02:00:00Z"), change("O3", "negotiation", "2026-02-01T02:00:00Z"),
                change("O3", "proposal", "2026-03-12T02:00:00Z"), change("O4", "prospecting", "2026-02-01T02:00:00Z"),
                change("O4", "qualification", "2026-02-10T02:00:00Z"));
        Dataset<Row> activities = rows(CanonicalTables.ACTIVITIES,
                activity("X1", "call", "A1", null, "2026-03-02T05:00:00Z"),
                activity("X2", "visit", null, "O2", "2026-03-06T02:00:00Z"),
                activity("X3", "email", null, "O1", "2026-03-12T02:00:00Z"),
                activity("X4", "meeting", "A1", null, "2026-02-20T02:00:00Z"));
        Dataset<Row> won = SharedSpark.get().createDataFrame(java.util.List.of(RowFactory.create("O2", "R1")),
                new StructType().add("opportunity_id", DataTypes.StringType).add("rep", DataTypes.StringType));

        Dataset<Row> activity = RepActivity.of(new RepActivity.Inputs(reps, leads, opportunities, history, activities),
                won, MARCH.atDay(1).atStartOfDay(SHANGHAI).toInstant(),
                MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant(), MARCH);

        assertThat(activity.orderBy("rep").collectAsList())
                .extracting(r -> r.getAs("rep") + " leads " + r.getAs("leads_assigned") + "/" + r.getAs("responded_leads")
                        + " hours " + r.getAs("first_response_hours_median") + " " + r.getAs("first_response_hours_p90")
                        + " acts " + r.getAs("calls") + r.getAs("visits") + r.getAs("emails") + r.getAs("meetings")
                        + r.getAs("samples_sent") + " advanced " + r.getAs("opportunities_advanced") + " won "
                        + r.getAs("won"))
                .containsExactly("R1 leads 4/3 hours 24.000 43.200 acts 11100 advanced 2 won 1",
                        "R4 leads 0/0 hours null null acts 00000 advanced 0 won 0");
    }

    static Object[] rep(String id, String hired, String left) {
        return row(id, "名 " + id, null, null, "rep", null, null, null, Date.valueOf(hired),
                left == null ? null : Date.valueOf(left));
    }

    static Object[] lead(String id, String created, String opportunity) {
        return row(id, null, "公司 " + id, "website", opportunity == null ? "new" : "converted", null, null, "R1", null,
                ts(created), opportunity == null ? null : ts(created), opportunity);
    }

    static Object[] deal(String id, String account) {
        return row(id, account, "deal " + id, "prospecting", new BigDecimal("1000.00"), "CNY", null, null, "R1", null,
                null, null, false, false, ts("2026-02-01T02:00:00Z"));
    }

    static Object[] change(String id, String stage, String at) {
        return row(id, stage, ts(at), null, null);
    }

    static Object[] activity(String id, String type, String account, String opportunity, String at) {
        return row(id, type, null, account, opportunity, "R1", ts(at), null);
    }
}
