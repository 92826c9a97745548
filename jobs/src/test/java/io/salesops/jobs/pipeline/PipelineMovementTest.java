package io.salesops.jobs.pipeline;

import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.lit;

/**
 * The pipeline of March 2026 (Asia/Shanghai) on hand-built deals, worked out here.
 *
 * <pre>
 * deal  start of March (1 Mar 00:00 +08)        end of March                 movement
 * P1    prospecting 10,000                      proposal 12,000 (10 Mar)     advanced, amount +2,000
 * P2    negotiation 50,000                      won at 48,000 (20 Mar)       won, amount −2,000
 * P3    qualification 20,000                    lost (5 Mar)                 lost
 * P4    —                                       prospecting, 5,000 USD ×7.2  new 36,000
 * P5    —                                       created 2 Mar, won 25 Mar    new 8,000, won 8,000
 * P6    negotiation 30,000                      proposal (12 Mar)            regressed
 * P7    won in February                         —                            nothing
 * P8    —                                       created 2 April              nothing
 * P9    lost in January                         reopened 15 Mar, 7,000       new (reopened)
 * P10   created 28 Feb 16:30 UTC = 1 Mar 00:30 +08: not at the start      new 1,000
 * P12   no history; won, close date 18 Mar, 4,000: open at the start in (none), won in March
 * start 5 deals 114,000; + new 4 (52,000) − won 3 (60,000) − lost 1 (20,000) ± 0 = end 5 deals 86,000
 * </pre>
 */
class PipelineMovementTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = MARCH.atDay(1).atStartOfDay(SHANGHAI).toInstant();
    static final Instant END = MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();

    final Dataset<Row> opportunities = rows(CanonicalTables.OPPORTUNITIES,
            deal("P1", "proposal", "12000", "CNY", "best_case", "2026-04-30", "2026-02-01T02:00:00Z"),
            deal("P2", "closed_won", "48000", "CNY", "closed", "2026-03-20", "2026-01-20T02:00:00Z"),
            deal("P3", "closed_lost", "20000", "CNY", "omitted", "2026-03-05", "2026-02-03T02:00:00Z"),
            deal("P4", "prospecting", "5000", "USD", null, "2026-06-30", "2026-03-12T02:00:00Z"),
            deal("P5", "closed_won", "8000", "CNY", "closed", "2026-03-25", "2026-03-02T02:00:00Z"),
            deal("P6", "proposal", "30000", "CNY", "commit", "2026-04-15", "2026-01-02T02:00:00Z"),
            deal("P7", "closed_won", "9000", "CNY", "closed", "2026-02-10", "2026-01-05T02:00:00Z"),
            deal("P8", "prospecting", "3000", "CNY", null, null, "2026-04-02T02:00:00Z"),
            deal("P9", "prospecting", "7000", "CNY", "pipeline", null, "2025-12-01T02:00:00Z"),
            deal("P10", "prospecting", "1000", "CNY", "pipeline", null, "2026-02-28T16:30:00Z"),
            deal("P12", "closed_won", "4000", "CNY", "closed", "2026-03-18", "2026-01-10T02:00:00Z"));
    final Dataset<Row> history = rows(CanonicalTables.OPPORTUNITY_STAGE_HISTORY,
            change("P1", "prospecting", "2026-02-01T02:00:00Z", "10000", "0.1"),
            change("P1", "proposal", "2026-03-10T02:00:00Z", "12000", "0.5"),
            change("P2", "prospecting", "2026-01-20T02:00:00Z", "50000", null),
            change("P2", "negotiation", "2026-02-15T02:00:00Z", null, null),
            change("P2", "closed_won", "2026-03-20T02:00:00Z", "48000", null),
            change("P3", "qualification", "2026-02-03T02:00:00Z", "20000", null),
            change("P3", "closed_lost", "2026-03-05T02:00:00Z", null, null),
            change("P4", "prospecting", "2026-03-12T02:00:00Z", null, null),
            change("P5", "prospecting", "2026-03-02T02:00:00Z", null, null),
            change("P5", "closed_won", "2026-03-25T02:00:00Z", null, null),
            change("P6", "negotiation", "2026-01-02T02:00:00Z", null, null),
            change("P6", "proposal", "2026-03-12T02:00:00Z", null, null),
            change("P7", "prospecting", "2026-01-05T02:00:00Z", null, null),
            change("P7", "closed_won", "2026-02-10T02:00:00Z", null, null),
            change("P8", "prospecting", "2026-04-02T02:00:00Z", null, null),
            change("P9", "prospecting", "2025-12-01T02:00:00Z", null, null),
            change("P9", "closed_lost", "2026-01-10T02:00:00Z", null, null),
            change("P9", "prospecting", "2026-03-15T02:00:00Z", null, null),
            change("P10", "prospecting", "2026-02-28T16:30:00Z", null, null));
    final Dataset<Row> reps = rows(CanonicalTables.REPS,
            row("R1", "张伟", null, null, "rep", null, "TM-E", "TE-SH", Date.valueOf("2020-01-01"), null));
    final Dataset<Row> territories = rows(CanonicalTables.TERRITORIES,
            row("TE-SH", "上海", "华东", null, "geographic"));
    final Dataset<Row> fx = rows(CanonicalTables.FX_RATES,
            row("USD", Date.valueOf("2026-03-01"), new BigDecimal("7.200000")));
    final PipelineDeals.Inputs inputs = new PipelineDeals.Inputs(opportunities, history,
            rows(CanonicalTables.ACCOUNTS), reps, territories);

    @Test
    void startPlusTheMovementsIsTheEndInDealsAndAmount() {
        Dataset<Row> movement = movement(startFromHistory(), "history");

        assertThat(figures(movement)).containsExactly(
                "start 5 114000.00", "new 4 52000.00", "won 3 60000.00", "lost 1 20000.00", "removed 0 0.00",
                "amount_change 2 0.00", "end 5 86000.00", "advanced 1 12000.00", "regressed 1 30000.00",
                "slipped 0 0.00", "pulled_in 0 0.00");
        assertThat(PipelineMovement.violations(movement)).isEmpty();
        assertThat(movement.select("start_basis").distinct().collectAsList()).extracting(r -> r.getString(0))
                .containsExactly("history");
    }

    /**
     * From the previous period's snapshot, close dates as they were: P1 was to close in March (now
     * April: slipped), P6 in May (now 15 April: pulled in), and P11, open then, is gone (removed).
     */
    @Test
    void aSnapshotStartShowsSlipsPullInsAndRemovedDeals() {
        Dataset<Row> previous = inCny(rows(PipelineTables.PIPELINE_DEALS,
                snapshot("P1", "prospecting", "2026-03-31", "10000"),
                snapshot("P2", "negotiation", "2026-03-20", "50000"),
                snapshot("P3", "qualification", "2026-03-05", "20000"),
                snapshot("P6", "negotiation", "2026-05-31", "30000"),
                snapshot("P11", "proposal", "2026-03-31", "6000")));

        Map<String, String> byMovement = figures(movement(previous, "snapshot")).stream()
                .collect(Collectors.toMap(f -> f.split(" ")[0], f -> f));

        assertThat(byMovement).containsEntry("start", "start 5 116000.00").containsEntry("removed", "removed 1 6000.00")
                .containsEntry("slipped", "slipped 1 12000.00").containsEntry("pulled_in", "pulled_in 1 30000.00")
                // P12 was not in the snapshot: its win counts as new and won
                .containsEntry("new", "new 5 56000.00").containsEntry("end", "end 5 86000.00");
        assertThat(PipelineMovement.violations(movement(previous, "snapshot"))).isEmpty();
    }

    @Test
    void theSnapshotSumsTheOpenDealsAtTheEndByStageWithTheirWeightedAmount() {
        Dataset<Row> end = inCny(PipelineDeals.asOf(inputs, END, SHANGHAI));
        List<String> byStage = PipelineSnapshot.of(end, MARCH).groupBy("stage")
                .agg(org.apache.spark.sql.functions.sum("deals"), org.apache.spark.sql.functions.sum("amount"),
                        org.apache.spark.sql.functions.sum("weighted_amount"))
                .orderBy("stage").collectAsList().stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)).toList();

        // P1 at the probability of its last change, 0.5; the others carry none
        assertThat(byStage).containsExactly("proposal 2 42000.00 6000.00", "prospecting 3 44000.00 0.00");
        assertThat(end.where("opportunity_id = 'P4'").first().<String>getAs("forecast_category")).isEqualTo("pipeline");
        assertThat(end.where("opportunity_id = 'P6'").first().<String>getAs("forecast_category")).isEqualTo("commit");
    }

    @Test
    void aMovementThatDoesNotAddUpIsNamed() {
        Dataset<Row> movement = movement(startFromHistory(), "history")
                .withColumn("deals", org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col("movement").equalTo("won"), lit(2L))
                        .otherwise(org.apache.spark.sql.functions.col("deals")));

        assertThat(PipelineMovement.violations(movement))
                .containsExactly("start + new − won − lost − removed = 6 deals, end = 5");
    }

    private Dataset<Row> startFromHistory() {
        return inCny(PipelineDeals.asOf(inputs, START, SHANGHAI).where("is_open"));
    }

    private Dataset<Row> movement(Dataset<Row> start, String basis) {
        return PipelineMovement.of(start, inCny(PipelineDeals.asOf(inputs, END, SHANGHAI)), START, MARCH, basis);
    }

    private Dataset<Row> inCny(Dataset<Row> deals) {
        return ToCny.convert(deals, fx, lit(Date.valueOf("2026-03-01")), "amount", "amount_cny");
    }

    private static List<String> figures(Dataset<Row> movement) {
        return movement.orderBy("movement_order").collectAsList().stream()
                .map(r -> r.getAs("movement") + " " + r.getAs("deals") + " " + r.getAs("amount")).toList();
    }

    static Object[] deal(String id, String stage, String amount, String currency, String category, String close,
                         String created) {
        return row(id, null, "deal " + id, stage, new BigDecimal(amount), currency, null,
                close == null ? null : Date.valueOf(close), "R1", null, null, category, stage.startsWith("closed"),
                stage.equals("closed_won"), Timestamp.from(Instant.parse(created)));
    }

    static Object[] change(String id, String stage, String at, String amount, String probability) {
        return row(id, stage, Timestamp.from(Instant.parse(at)), amount == null ? null : new BigDecimal(amount),
                probability == null ? null : new BigDecimal(probability));
    }

    static Object[] snapshot(String id, String stage, String close, String amount) {
        return row("2026-02", id, stage, "pipeline", Date.valueOf(close), new BigDecimal(amount), "CNY", null, "华东",
                "R1");
    }
}
