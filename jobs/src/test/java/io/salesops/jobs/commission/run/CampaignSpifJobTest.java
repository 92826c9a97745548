package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.warehouse.analyst.AnalystDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A SPIF on a marketing campaign through the real job: a sale counts for the campaign when the
 * deal behind its order's contract came from it, or, attributed by touches, when the campaign
 * touched the customer's account shortly before the order. Which orders that is, is worked out here
 * in SQL from the curated orders, customers, contracts and opportunities (or campaign touches and
 * contacts); the job must pay the SPIF on exactly the credits of those orders, at its rate.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class CampaignSpifJobTest extends CommissionsJobScenario {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final Path dataDir = JobTestDataDir.create("salesops-campaign-spif-");

    /** Every order with the campaign of the deal of the contract it falls under (orders without one left out). */
    static final String ORDER_CAMPAIGNS = """
            select o.order_id, o.order_date, o.status, p.campaign_id
            from orders o
            join customers cu on cu.customer_id = o.customer_id
            join lateral (
                select c.opportunity_id from contracts c
                where c.account_id = cu.account_id and c.opportunity_id is not null
                  and o.order_date between coalesce(c.start_date, c.signed_date)
                                       and coalesce(c.end_date, date '9999-12-31')
                order by c.signed_date desc, c.contract_id desc limit 1) deal on true
            join opportunities p on p.opportunity_id = deal.opportunity_id
            where p.campaign_id is not null""";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    /**
     * Per order, the fewest days between it and a touch of campaign %s (by attending or responding)
     * on the customer's account, by the touch's account or its contact's, on a local date
     * at most 45 days before the order date.
     */
    static final String ORDER_TOUCHES = """
            select o.order_id, min(datediff('day', (t.touched_at at time zone 'Asia/Shanghai')::date, o.order_date))
                   as days
            from orders o
            join customers cu on cu.customer_id = o.customer_id
            join campaign_touches t on coalesce(t.account_id,
                    (select c.account_id from contacts c where c.contact_id = t.contact_id)) = cu.account_id
            where t.campaign_id = '%s' and t.touch_type in ('attended', 'responded')
              and (t.touched_at at time zone 'Asia/Shanghai')::date between o.order_date - 45 and o.order_date
            group by o.order_id""";

    private static boolean ingested;

    /** Both tests read the same exports; the first one to run ingests them. */
    private synchronized void ingestOnce() throws Exception {
        if (!ingested) {
            ingestSample(dataDir, new GeneratorSettings(0.01, 7, 6, MARCH));
            ingested = true;
        }
    }

    @Test
    void theSpifPaysOnTheCreditsOfOrdersWhoseDealCameFromTheCampaign() throws Exception {
        ingestOnce();
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        // the campaign behind the most orders booked in March
        List<List<String>> top = analyst.query("select campaign_id, count(*) from (" + ORDER_CAMPAIGNS + ")"
                + " where order_date between date '2025-03-01' and date '2025-03-31' and status <> 'cancelled'"
                + " group by 1 order by 2 desc, 1 limit 1", 1).rows();
        assertThat(top).as("some March order falls under a contract whose deal came from a campaign").hasSize(1);
        String campaign = top.get(0).get(0);
        RepPlanSetup.assignToReps(dataDir, "launch", bookingPlanWithSpif("launch", """
                  - {id: launch_spif, kind: spif, from: 2025-03-10, to: 2025-04-01, campaign: %s, rate: 2%%}
                """.formatted(campaign)));

        calculate(MARCH);

        // expected: every credit of a rep on the plan, dated from 10 March, of an order of that campaign
        Set<String> expected = new TreeSet<>(column(analyst, """
                select c.rep_id || ' ' || c.transaction_id from commission_credits c
                join commission_statements s on s.rep_id = c.rep_id and s.period = c.period
                where c.period = '2025-03' and s.plan_id = 'launch' and c.basis = 'booking'
                  and c.excluded_reason is null and c.event_date >= date '2025-03-10'
                  and c.order_id in (select order_id from (%s) where campaign_id = '%s')"""
                .formatted(ORDER_CAMPAIGNS, campaign)));
        List<List<String>> paid = paidExactlyAtTwoPercent(analyst, "launch_spif", expected);
        // every March credit (clawbacks of earlier orders too) names its order's campaign as worked out
        // here, or none
        assertThat(analyst.query("select count(*) from commission_credits c left join (" + ORDER_CAMPAIGNS + ") o"
                + " on o.order_id = c.order_id where c.period = '2025-03' and c.campaign_id is distinct from"
                + " o.campaign_id", 1).rows()).containsExactly(List.of("0"));
        assertThat(analyst.query("select count(*) from commission_credits where period = '2025-03' and campaign_id = '"
                + campaign + "'", 1).rows().get(0).get(0)).isNotEqualTo("0");
        // and the SPIF is not paid on everything: some of the plan's March credits came from elsewhere
        assertThat(Long.parseLong(analyst.query("select count(*) from commission_lines where period = '2025-03'"
                + " and component = 'base'", 1).rows().get(0).get(0))).isGreaterThan(paid.size());
    }

    @Test
    void aSpifAttributedByTouchesPaysOnTheCreditsOfOrdersTheCampaignTouchedWithinTheLookback() throws Exception {
        ingestOnce();
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        // the campaign whose counted touches led to the most March orders, among those that touched
        // other March orders only by kinds that do not count (so the rule has something to leave out)
        List<List<String>> top = analyst.query("""
                with touch as (
                    select t.campaign_id, t.touch_type, (t.touched_at at time zone 'Asia/Shanghai')::date as day,
                           coalesce(t.account_id, (select c.account_id from contacts c
                                                   where c.contact_id = t.contact_id)) as account_id
                    from campaign_touches t),
                march as (
                    select o.order_id, o.order_date, cu.account_id from orders o
                    join customers cu on cu.customer_id = o.customer_id
                    where o.order_date between date '2025-03-01' and date '2025-03-31')
                select t.campaign_id,
                       count(distinct m.order_id) filter (where t.touch_type in ('attended', 'responded')) as counted,
                       count(distinct m.order_id) as touched
                from march m join touch t on t.account_id = m.account_id
                     and t.day between m.order_date - 45 and m.order_date
                group by 1 having counted > 0 and touched > counted
                order by counted desc, 1 limit 1""", 1).rows();
        assertThat(top).as("some campaign touched March orders, by counted kinds and by others").hasSize(1);
        String campaign = top.get(0).get(0);
        RepPlanSetup.assignToReps(dataDir, "touched", bookingPlanWithSpif("touched", """
                  - id: touch_spif
                    kind: spif
                    from: 2025-03-01
                    to: 2025-04-01
                    campaign: %s
                    attribution: touch
                    lookback_days: 45
                    touch_types: [attended, responded]
                    rate: 2%%
                """.formatted(campaign)));

        calculate(MARCH);

        // expected: every March booking credit of a rep on the plan whose order the campaign touched
        String orderTouches = ORDER_TOUCHES.formatted(campaign);
        Set<String> expected = new TreeSet<>(column(analyst, """
                select c.rep_id || ' ' || c.transaction_id from commission_credits c
                join commission_statements s on s.rep_id = c.rep_id and s.period = c.period
                where c.period = '2025-03' and s.plan_id = 'touched' and c.basis = 'booking'
                  and c.excluded_reason is null and c.order_id in (select order_id from (%s))"""
                .formatted(orderTouches)));
        List<List<String>> paid = paidExactlyAtTwoPercent(analyst, "touch_spif", expected);
        // each line names the touch that counted: as many days before its order as worked out here
        List<List<String>> named = analyst.query("""
                select l.explanation, o.days from commission_lines l
                join commission_credits c on c.period = l.period and c.rep_id = l.rep_id
                     and c.transaction_id = l.transaction_id and c.basis = 'booking'
                join (%s) o on o.order_id = c.order_id
                where l.period = '2025-03' and l.component = 'touch_spif'""".formatted(orderTouches), 100_000).rows();
        assertThat(named).hasSize(paid.size()).allSatisfy(row -> assertThat(row.get(0)).contains(row.get(1).equals("0")
                ? "on the order date" : " " + row.get(1) + (row.get(1).equals("1") ? " day" : " days")
                + " before the order, within 45 days"));
        // a touch of another kind pays nothing: some of the plan's March bookings were touched by the
        // campaign in the lookback only by clicking, opening or visiting it
        assertThat(Long.parseLong(analyst.query("""
                select count(*) from commission_credits c
                join commission_statements s on s.rep_id = c.rep_id and s.period = c.period
                where c.period = '2025-03' and s.plan_id = 'touched' and c.basis = 'booking'
                  and c.excluded_reason is null and c.campaign_touches like '%%%s:%%'
                  and c.order_id not in (select order_id from (%s))""".formatted(campaign, orderTouches), 1)
                .rows().get(0).get(0))).isPositive();
    }

    /**
     * The March lines of the spif {@code component}, as "rep transaction", base and amount: checked to
     * be on exactly the {@code expected} credits (not none), each paying 2 % of its base.
     */
    private static List<List<String>> paidExactlyAtTwoPercent(AnalystDatabase analyst, String component,
                                                             Set<String> expected) {
        List<List<String>> paid = analyst.query("select rep_id || ' ' || transaction_id, base, amount"
                + " from commission_lines where period = '2025-03' and component = '" + component + "'", 100_000).rows();
        assertThat(expected).isNotEmpty();
        assertThat(new TreeSet<>(paid.stream().map(row -> row.get(0)).toList())).isEqualTo(expected);
        for (List<String> line : paid) {
            assertThat(new BigDecimal(line.get(2))).as(line.get(0))
                    .isEqualByComparingTo(new BigDecimal(line.get(1)).multiply(new BigDecimal("0.02"))
                            .setScale(2, RoundingMode.HALF_UP));
        }
        return paid;
    }

    /** A booking-basis plan paying 1 % on every credit, and the spif given as a YAML list entry. */
    private static String bookingPlanWithSpif(String id, String spif) {
        return """
                id: %s
                version: 1
                effective_from: 2020-01-01
                basis: booking
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: base, kind: rate, rate: 1%%}
                """.formatted(id) + spif;
    }

    private static List<String> column(AnalystDatabase analyst, String sql) {
        return analyst.query(sql, 100_000).rows().stream().map(row -> row.get(0)).toList();
    }
}
