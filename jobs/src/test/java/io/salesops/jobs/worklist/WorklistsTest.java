package io.salesops.jobs.worklist;

import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.pipeline.PipelineDeals;
import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The work lists as of the end of March 2026 (Asia/Shanghai: 31 March 16:00 UTC), worked out in each test. */
class WorklistsTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant END = MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();

    /**
     * D1 (proposal, last activity 6 days before the end: allowed 10) is fine; D2 (negotiation, 11
     * days: allowed 7; its April activity is after the end) and D3 (prospecting, no activity,
     * created 30 days before: allowed 14) are due; D4 is won. Leads: E1 (new, 2 days: allowed 2)
     * not yet; E2 (new, 3 days) and E5 (mql, 11 days: allowed 5) due; E3 (contacted, created in
     * November: past the 90-day horizon) is stale; E4 is converted.
     */
    @Test
    void followUpsAreTheDealsAndLeadsIdleLongerThanTheirStageAllows() {
        Dataset<Row> opportunities = rows(CanonicalTables.OPPORTUNITIES,
                deal("D1", "proposal", "2026-03-01T16:00:00Z"), deal("D2", "negotiation", "2026-02-01T16:00:00Z"),
                deal("D3", "prospecting", "2026-03-01T16:00:00Z"), deal("D4", "closed_won", "2026-02-01T16:00:00Z"));
        Dataset<Row> activities = rows(CanonicalTables.ACTIVITIES,
                activity("X1", "call", null, "D1", "2026-03-25T16:00:00Z"),
                activity("X2", "visit", null, "D2", "2026-03-20T16:00:00Z"),
                activity("X3", "call", null, "D2", "2026-04-02T02:00:00Z"));
        Dataset<Row> leads = rows(CanonicalTables.LEADS,
                lead("E1", "new", "2026-03-29T16:00:00Z", null), lead("E2", "new", "2026-03-28T16:00:00Z", null),
                lead("E3", "contacted", "2025-11-01T02:00:00Z", null),
                lead("E4", "converted", "2026-03-01T02:00:00Z", "D3"), lead("E5", "mql", "2026-03-20T16:00:00Z", null));
        var in = new PipelineDeals.Inputs(opportunities, rows(CanonicalTables.OPPORTUNITY_STAGE_HISTORY),
                rows(CanonicalTables.ACCOUNTS), rows(CanonicalTables.REPS), rows(CanonicalTables.TERRITORIES));
        Dataset<Row> deals = ToCny.atPeriodRate(PipelineDeals.asOf(in, END, SHANGHAI).where("is_open"),
                rows(CanonicalTables.FX_RATES), MARCH, "opportunity_id", "deals");

        assertThat(Followups.of(deals, activities, leads, END, MARCH).orderBy("kind", "record_id").collectAsList())
                .extracting(r -> r.getAs("kind") + " " + r.getAs("record_id") + " " + r.getAs("stage") + " "
                        + r.getAs("days_since_activity") + "/" + r.getAs("threshold_days") + " " + r.getAs("amount"))
                .containsExactly("deal D2 negotiation 11.000/7 1000.00", "deal D3 prospecting 30.000/14 1000.00",
                        "lead E2 new 3.000/2 null", "lead E5 mql 11.000/5 null");
    }

    /**
     * K1 ordered every 30 days until 10 May 2025 (325 days ago: stopped) and its last 12 months
     * (2,000) fell by a third from the 12 before (3,000): stopped and dropped. K2 orders 1,000
     * every month: fine. K3 went from 1,000 to 500 a month (a cancelled 100,000 order does not
     * count): dropped by half, its last order 26 days ago is usual (on the 5th of every month, 13 of
     * its 23 gaps are 31 days: the median is 31). K4 has two orders: no usual
     * interval, no prior year: not listed.
     */
    @Test
    void churnRiskIsStoppedOrDroppedOrderingAgainstTheCustomersOwnHistory() {
        List<Object[]> orders = new ArrayList<>();
        for (String day : List.of("2025-01-10", "2025-02-09", "2025-03-11", "2025-04-10", "2025-05-10")) {
            orders.add(order("K1", day, "1000", "shipped"));
        }
        for (int m = 0; m < 24; m++) {
            LocalDate day = LocalDate.of(2024, 4, 5).plusMonths(m);
            orders.add(order("K2", day.toString(), "1000", "closed"));
            orders.add(order("K3", day.toString(), m < 12 ? "1000" : "500", "closed"));
        }
        orders.add(order("K3", "2026-01-20", "100000", "cancelled"));
        orders.add(order("K4", "2025-06-01", "800", "closed"));
        orders.add(order("K4", "2025-07-01", "800", "closed"));
        Dataset<Row> customers = rows(CanonicalTables.CUSTOMERS,
                customer("K1", "甲化工"), customer("K2", "乙化工"), customer("K3", "丙化工"), customer("K4", "丁化工"));

        Dataset<Row> valued = ChurnRisk.valued(rows(CanonicalTables.ORDERS, orders.toArray(Object[][]::new)),
                rows(CanonicalTables.FX_RATES), MARCH);
        assertThat(ChurnRisk.of(valued, customers, MARCH).orderBy("customer_id").collectAsList())
                .extracting(r -> r.getAs("customer_id") + " " + r.getAs("reason") + " " + r.getAs("last_order_date")
                        + " " + r.getAs("days_since_last_order") + " " + r.getAs("usual_interval_days") + " "
                        + r.getAs("value_last_12m") + " " + r.getAs("value_prior_12m") + " " + r.getAs("value_change"))
                .containsExactly("K1 stopped_and_dropped 2025-05-10 325 30.000 2000.00 3000.00 -0.333333",
                        "K3 dropped 2026-03-05 26 31.000 6000.00 12000.00 -0.500000");
    }

    /**
     * Due: C1 (ends 30 April, 30 days after 31 March) and C4 (29 June, exactly 90 days; 1,000 USD ×
     * 7.2). Not: C2 (106 days), C3 (expired), C5 (ends on 31 March itself).
     */
    @Test
    void renewalsAreTheActiveContractsEndingWithinNinetyDays() {
        Dataset<Row> contracts = rows(CanonicalTables.CONTRACTS,
                contract("C1", "2026-04-30", "50000", "CNY", "active"), contract("C2", "2026-07-15", "1", "CNY", "active"),
                contract("C3", "2026-04-10", "1", "CNY", "expired"), contract("C4", "2026-06-29", "1000", "USD", "active"),
                contract("C5", "2026-03-31", "1", "CNY", "active"));
        Dataset<Row> accounts = rows(CanonicalTables.ACCOUNTS, row("A1", "甲公司", null, null, null, null, null, "R1",
                null, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"))));
        Dataset<Row> fx = rows(CanonicalTables.FX_RATES, row("USD", Date.valueOf("2026-03-01"), new BigDecimal("7.2")));

        assertThat(Renewals.of(contracts, accounts, fx, MARCH).orderBy("contract_id").collectAsList())
                .extracting(r -> r.getAs("contract_id") + " " + r.getAs("owner") + " " + r.getAs("days_to_end") + " "
                        + r.getAs("amount"))
                .containsExactly("C1 R1 30 50000.00", "C4 R1 90 7200.00");
    }

    static Object[] deal(String id, String stage, String created) {
        return row(id, null, "deal " + id, stage, new BigDecimal("1000.00"), "CNY", null, null, "R1", null, null, null,
                stage.startsWith("closed"), stage.equals("closed_won"), Timestamp.from(Instant.parse(created)));
    }

    static Object[] activity(String id, String type, String account, String opportunity, String at) {
        return row(id, type, null, account, opportunity, "R1", Timestamp.from(Instant.parse(at)), null);
    }

    static Object[] lead(String id, String status, String created, String opportunity) {
        return row(id, null, "公司 " + id, "website", status, null, null, "R1", null,
                Timestamp.from(Instant.parse(created)), null, opportunity);
    }

    static Object[] order(String customer, String day, String total, String status) {
        return row("SO-" + customer + "-" + day + "-" + total, Date.valueOf(day), customer, "R1", "CNY", null, null,
                new BigDecimal(total), status);
    }

    static Object[] customer(String id, String name) {
        return row(id, name, null, "华东", null, null, Date.valueOf("2020-01-01"));
    }

    static Object[] contract(String id, String end, String amount, String currency, String status) {
        return row(id, "A1", null, Date.valueOf("2025-01-01"), null, Date.valueOf(end), new BigDecimal(amount), currency,
                status);
    }
}
