package io.salesops.jobs.funnel;

import static io.salesops.jobs.spark.LiteralRows.ts;
import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static io.salesops.jobs.spark.LiteralRows.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.model.CanonicalTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * funnel_conversion on hand-built histories, one behaviour per member, with the counts worked out
 * here in the comments: a skipped stage, a regression, a deal lost then reopened and won, two leads
 * converted to one deal, an opportunity without a lead, a lead created at 00:30 on 1 March in
 * Shanghai (still February in UTC), a cohort younger than its window, and events after the period.
 */
class FunnelConversionTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final Instant END_OF_MARCH = MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();

    static final FunnelDefinition LEAD_TO_WON = shipped("lead-to-won.yaml");
    static final FunnelDefinition OPPORTUNITY_TO_WON = shipped("opportunity-to-won.yaml");

    final Dataset<Row> reps = rows(CanonicalTables.REPS,
            row("R1", "张伟", null, null, "rep", null, "TM-E", "TE-SH", date("2020-01-01"), null),
            row("R2", "李娜", null, null, "rep", null, "TM-S", "TE-GD", date("2020-01-01"), null));
    final Dataset<Row> territories = rows(CanonicalTables.TERRITORIES,
            row("TE-SH", "上海", "华东", null, "geographic"), row("TE-GD", "广东", "华南", null, "geographic"));
    final Dataset<Row> accounts = rows(CanonicalTables.ACCOUNTS,
            row("A1", "甲公司", null, "coatings", "华东", null, null, "R1", "C1", ts("2020-01-01T00:00:00Z")),
            row("A2", "乙公司", null, "plastics", "华南", null, null, "R2", null, ts("2020-01-01T00:00:00Z")));
    final Dataset<Row> orders = rows(CanonicalTables.ORDERS,
            row("SO1", date("2025-06-01"), "C1", "R1", "CNY", null, null, null, "shipped"));

    // leads of January (all March-mature at the lead step) and one created at a month boundary
    final Dataset<Row> leads = rows(CanonicalTables.LEADS,
            lead("L1", "trade_show", "converted", "R1", "2026-01-05T02:00:00Z", "2026-01-10T02:00:00Z", "O1"),
            lead("L2", "website", "converted", "R1", "2026-01-06T02:00:00Z", "2026-01-20T02:00:00Z", "O2"),
            lead("L3", "website", "converted", "R2", "2026-01-07T02:00:00Z", "2026-01-21T02:00:00Z", "O2"),
            lead("L4", "referral", "mql", "R2", "2026-01-08T02:00:00Z", null, null),
            lead("L5", "referral", "disqualified", "R2", "2026-01-09T02:00:00Z", null, null),
            lead("L6", "website", "sql", "R1", "2026-02-28T16:30:00Z", null, null),
            lead("L7", "website", "new", "R1", "2026-04-02T02:00:00Z", null, null));
    final Dataset<Row> opportunities = rows(CanonicalTables.OPPORTUNITIES,
            deal("O1", "A1", "closed_won", "R1", "2026-01-10T02:00:00Z"),
            deal("O2", "A2", "closed_won", "R1", "2026-01-20T02:00:00Z"),
            deal("O3", "A1", "closed_lost", "R2", "2026-01-15T02:00:00Z"));
    final Dataset<Row> history = rows(CanonicalTables.OPPORTUNITY_STAGE_HISTORY,
            // O1: qualification → negotiation (proposal skipped) → won in February
            change("O1", "qualification", "2026-01-10T02:00:00Z"), change("O1", "negotiation", "2026-01-25T02:00:00Z"),
            change("O1", "closed_won", "2026-02-10T02:00:00Z"),
            // O2: proposal, back to qualification, proposal again, lost, reopened, won in March
            change("O2", "qualification", "2026-01-20T02:00:00Z"), change("O2", "proposal", "2026-01-22T02:00:00Z"),
            change("O2", "qualification", "2026-01-25T02:00:00Z"), change("O2", "proposal", "2026-02-01T02:00:00Z"),
            change("O2", "negotiation", "2026-02-05T02:00:00Z"), change("O2", "closed_lost", "2026-02-20T02:00:00Z"),
            change("O2", "negotiation", "2026-03-01T02:00:00Z"), change("O2", "closed_won", "2026-03-10T02:00:00Z"),
            // O3, no lead: qualification then lost; won in April, after the period
            change("O3", "qualification", "2026-01-15T02:00:00Z"), change("O3", "closed_lost", "2026-01-30T02:00:00Z"),
            change("O3", "closed_won", "2026-04-03T02:00:00Z"));

    @Test
    void theLeadFunnelCountsEachLeadAtTheStepsItReachedAsOfTheEndOfThePeriod() {
        List<String> rows = conversion(LEAD_TO_WON, SHANGHAI, "all", "2026-01");

        // January leads L1–L5. L1 and L2/L3 (both converted to O2) reach every step through won; L4 is open
        // at mql (reached by status order, no sql); L5 was disqualified at the lead step.
        // step: entered advanced lost open skipped converted_in_window
        assertThat(rows).containsExactly(
                "lead 5 4 1 0 0 4",
                "mql 4 3 0 1 0 3",
                "sql 3 3 0 0 0 3",
                "opportunity 3 3 0 0 0 3",
                // O1 has no proposal record: its lead skipped it; O2's regression does not undo its first entry
                "qualification 3 3 0 0 0 3",
                "proposal 3 3 0 0 1 3",
                "negotiation 3 3 0 0 0 3",
                "won 3 3 0 0 0 3");
    }

    @Test
    void aLeadCreatedAtHalfPastMidnightOnTheFirstInShanghaiIsInTheMarchCohortThereAndInFebruaryInUtc() {
        assertThat(conversion(LEAD_TO_WON, SHANGHAI, "all", "2026-03")).first().isEqualTo("lead 1 1 0 0 0 1");
        assertThat(conversion(LEAD_TO_WON, SHANGHAI, "all", "2026-02")).isEmpty();
        assertThat(conversion(LEAD_TO_WON, ZoneId.of("UTC"), "all", "2026-02")).first().isEqualTo("lead 1 1 0 0 0 1");
    }

    @Test
    void aLeadCreatedAfterThePeriodIsInNoCohort() {
        assertThat(journeys(LEAD_TO_WON, SHANGHAI).select("member_id").collectAsList())
                .extracting(r -> r.getString(0)).containsExactlyInAnyOrder("L1", "L2", "L3", "L4", "L5", "L6");
    }

    @Test
    void theOpportunityFunnelHasTheDealWithoutALeadLostAtQualificationThoughItIsWonAfterThePeriod() {
        List<String> rows = conversion(OPPORTUNITY_TO_WON, SHANGHAI, "all", "2026-01");

        assertThat(rows).containsExactly(
                "opportunity 3 3 0 0 0 3",
                "qualification 3 2 1 0 0 2",
                "proposal 2 2 0 0 1 2",
                "negotiation 2 2 0 0 0 2",
                "won 2 2 0 0 0 2");
    }

    @Test
    void aDimensionsValuesAddUpToAllWithAMissingValueAsItsOwnBucket() {
        Dataset<Row> conversion = FunnelConversion.of(LEAD_TO_WON, journeys(LEAD_TO_WON, SHANGHAI), MARCH);

        assertThat(conversion.where("cohort_month = '2026-01' and dimension = 'source' and step = 'lead'")
                .orderBy("dimension_value").collectAsList())
                .extracting(r -> r.getAs("dimension_value") + " " + r.getAs("entered"))
                .containsExactly("referral 2", "trade_show 1", "website 2");
        assertThat(conversion.where("cohort_month = '2026-01' and dimension = 'customer_type' and step = 'lead'")
                .orderBy("dimension_value").collectAsList())
                .extracting(r -> r.getAs("dimension_value") + " " + r.getAs("entered"))
                // L1's deal is with A1, which ordered in 2025; the others are new
                .containsExactly("existing 1", "new 4");
        assertThat(conversion.where("cohort_month = '2026-01' and dimension = 'campaign' and step = 'lead'")
                .collectAsList()).extracting(r -> r.getAs("dimension_value") + " " + r.getAs("entered"))
                .containsExactly(FunnelConversion.NONE + " 5");
        assertThat(FunnelInvariants.violations(conversion, LEAD_TO_WON.steps().size())).isEmpty();
    }

    @Test
    void aCohortYoungerThanItsWindowIsNotMatureAndItsRatesAreAgainstItsFirstStep() {
        Row march = FunnelConversion.of(LEAD_TO_WON, journeys(LEAD_TO_WON, SHANGHAI), MARCH)
                .where("cohort_month = '2026-03' and dimension = 'all' and step = 'mql'").first();
        Row january = FunnelConversion.of(LEAD_TO_WON, journeys(LEAD_TO_WON, SHANGHAI), MARCH)
                .where("cohort_month = '2026-01' and dimension = 'all' and step = 'mql'").first();

        assertThat(march.<Boolean>getAs("mature")).isFalse();
        assertThat(january.<Boolean>getAs("mature")).isFalse(); // 31 January + 90 days is after 31 March
        assertThat(january.getDecimal(january.fieldIndex("next_step_rate"))).isEqualByComparingTo("0.75");
        assertThat(january.getDecimal(january.fieldIndex("cumulative_rate"))).isEqualByComparingTo("0.6");
    }

    @Test
    void theInvariantCheckNamesABrokenRow() {
        Dataset<Row> conversion = FunnelConversion.of(LEAD_TO_WON, journeys(LEAD_TO_WON, SHANGHAI), MARCH)
                .withColumn("open", org.apache.spark.sql.functions.expr(
                        "case when cohort_month = '2026-01' and dimension = 'all' and step = 'mql' then open + 1"
                                + " else open end"));

        assertThat(FunnelInvariants.violations(conversion, LEAD_TO_WON.steps().size()))
                .singleElement().asString().startsWith("entered != advanced + lost + open: 2026-03, lead-to-won,"
                        + " 2026-01, all, all, mql");
    }

    private List<String> conversion(FunnelDefinition funnel, ZoneId zone, String dimension, String cohort) {
        return FunnelConversion.of(funnel, journeys(funnel, zone), MARCH)
                .where("dimension = '" + dimension + "' and cohort_month = '" + cohort + "'")
                .orderBy("step_order").collectAsList().stream()
                .map(r -> r.getAs("step") + " " + r.getAs("entered") + " " + r.getAs("advanced") + " " + r.getAs("lost")
                        + " " + r.getAs("open") + " " + r.getAs("skipped") + " " + r.getAs("converted_in_window"))
                .toList();
    }

    Dataset<Row> journeysOf(FunnelDefinition funnel, ZoneId zone) {
        return journeys(funnel, zone);
    }

    private Dataset<Row> journeys(FunnelDefinition funnel, ZoneId zone) {
        return FunnelJourneys.of(funnel, new FunnelJourneys.Inputs(leads, opportunities, history, reps, territories,
                accounts, orders), END_OF_MARCH, zone, SharedSpark.get().conf().get("spark.sql.session.timeZone"));
    }

    static FunnelDefinition shipped(String name) {
        try (var in = FunnelConversionTest.class.getResourceAsStream("/io/salesops/jobs/funnel/" + name)) {
            return FunnelFile.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Object[] lead(String id, String source, String status, String rep, String created, String convertedAt,
                         String opportunity) {
        return row(id, "某某", "某公司", source, status, null, null, rep, null, ts(created),
                convertedAt == null ? null : ts(convertedAt), opportunity);
    }

    static Object[] deal(String id, String account, String stage, String rep, String created) {
        return row(id, account, "deal " + id, stage, null, "CNY", null, null, rep, null, null, null,
                stage.startsWith("closed"), stage.equals("closed_won"), ts(created));
    }

    static Object[] change(String opportunity, String stage, String at) {
        return row(opportunity, stage, ts(at), null, null);
    }
}
