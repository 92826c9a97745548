package io.salesops.jobs.pipeline;

import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.spark.ToCny;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * pipeline_movement: how the open pipeline at the start of the period became the one at its end.
 * Each deal moves once in or out: {@code new} (open at the end, or closed in the period, without
 * being open at the start: created, or reopened), {@code won} and {@code lost} (closed in the
 * period, at the amount they closed with), {@code removed} (open at the start, gone from the CRM).
 * {@code amount_change} is the signed difference between a deal's amount when it left (or at the
 * end) and at the start. So, in deals, start + new − won − lost − removed = end, and in amount the
 * same plus amount_change: {@link #violations} checks it on every run. Deals open at both ends are
 * also counted as {@code advanced} or {@code regressed} (a later or earlier open stage) and
 * {@code slipped} or {@code pulled_in} (a later or earlier close month); those move nothing in or
 * out. Pure.
 */
public final class PipelineMovement {

    /** The movements in their display order. */
    public static final List<String> MOVEMENTS = List.of("start", "new", "won", "lost", "removed", "amount_change",
            "end", "advanced", "regressed", "slipped", "pulled_in");

    private PipelineMovement() {
    }

    /**
     * @param start the deals open at the period's start (opportunity_id, stage, close_date, amount_cny)
     * @param end   every deal as of the period's end ({@link PipelineDeals#asOf}, with amount_cny)
     * @param periodStart the first instant of the period
     * @param basis where the start came from (snapshot or history), recorded on every row
     */
    public static Dataset<Row> of(Dataset<Row> start, Dataset<Row> end, Instant periodStart, YearMonth period,
                                  String basis) {
        Dataset<Row> s = start.select(col("opportunity_id").as("s_id"), col("stage").as("s_stage"),
                date_format(col("close_date"), "yyyy-MM").as("s_close"),
                coalesce(col("amount_cny"), lit(0)).as("s_amount"));
        Dataset<Row> e = end.select(col("opportunity_id").as("e_id"), col("stage").as("e_stage"),
                col("is_open").as("e_open"), col("closed_at").as("e_closed_at"),
                date_format(col("close_date"), "yyyy-MM").as("e_close"),
                coalesce(col("amount_cny"), lit(0)).as("e_amount"));
        Column inStart = col("s_id").isNotNull();
        Column endOpen = coalesce(col("e_open"), lit(false));
        Column closedInPeriod = col("e_id").isNotNull().and(col("e_open").equalTo(false))
                .and(inStart.or(col("e_closed_at").geq(lit(Timestamp.from(periodStart)))));
        Column isNew = inStart.equalTo(false).and(endOpen.or(closedInPeriod));
        Column won = closedInPeriod.and(col("e_stage").equalTo("closed_won"));
        Column lost = closedInPeriod.and(col("e_stage").equalTo("closed_lost"));
        Column removed = inStart.and(col("e_id").isNull());
        Column stays = inStart.and(endOpen);
        Column change = when(inStart.and(col("e_id").isNotNull()), col("e_amount").minus(col("s_amount")))
                .otherwise(lit(0));
        Column stageMove = array_position(stages(), col("e_stage")).minus(array_position(stages(), col("s_stage")));
        Column bothStaged = array_position(stages(), col("e_stage")).gt(0)
                .and(array_position(stages(), col("s_stage")).gt(0));

        Dataset<Row> deals = s.join(e, col("s_id").equalTo(col("e_id")), "full_outer")
                .withColumn("change", change);
        Dataset<Row> totals = deals.agg(
                count(inStart, col("s_amount"), "start"), count(isNew, col("e_amount"), "new"),
                count(won, col("e_amount"), "won"), count(lost, col("e_amount"), "lost"),
                count(removed, col("s_amount"), "removed"),
                count(col("change").notEqual(0), col("change"), "amount_change"),
                count(endOpen, col("e_amount"), "end"),
                count(stays.and(bothStaged).and(stageMove.gt(0)), col("e_amount"), "advanced"),
                count(stays.and(bothStaged).and(stageMove.lt(0)), col("e_amount"), "regressed"),
                count(stays.and(col("e_close").gt(col("s_close"))), col("e_amount"), "slipped"),
                count(stays.and(col("e_close").lt(col("s_close"))), col("e_amount"), "pulled_in"))
                .select(flatten());
        List<Column> stack = new ArrayList<>();
        for (int i = 0; i < MOVEMENTS.size(); i++) {
            String m = MOVEMENTS.get(i);
            stack.add(lit(m));
            stack.add(lit((long) i));
            stack.add(col(m + "_deals"));
            stack.add(col(m + "_amount").cast(ToCny.MONEY));
        }
        stack.add(0, lit(MOVEMENTS.size()));
        return totals.select(org.apache.spark.sql.functions.call_function("stack", stack.toArray(Column[]::new)))
                .toDF("movement", "movement_order", "deals", "amount")
                .select(lit(period.toString()).as("period"), col("movement"), col("movement_order"), col("deals"),
                        col("amount"), lit(basis).as("start_basis"));
    }

    /** What breaks start + movements = end, in deals and in amount; empty when it holds. */
    public static List<String> violations(Dataset<Row> movement) {
        java.util.Map<String, Row> rows = new java.util.HashMap<>();
        movement.collectAsList().forEach(r -> rows.put(r.getString(r.fieldIndex("movement")), r));
        long deals = deals(rows, "start") + deals(rows, "new") - deals(rows, "won") - deals(rows, "lost")
                - deals(rows, "removed");
        java.math.BigDecimal amount = amount(rows, "start").add(amount(rows, "new")).subtract(amount(rows, "won"))
                .subtract(amount(rows, "lost")).subtract(amount(rows, "removed")).add(amount(rows, "amount_change"));
        List<String> broken = new ArrayList<>();
        if (deals != deals(rows, "end")) {
            broken.add("start + new − won − lost − removed = " + deals + " deals, end = " + deals(rows, "end"));
        }
        if (amount.compareTo(amount(rows, "end")) != 0) {
            broken.add("start + movements = " + amount.toPlainString() + " CNY, end = "
                    + amount(rows, "end").toPlainString());
        }
        return broken;
    }

    private static long deals(java.util.Map<String, Row> rows, String movement) {
        Row row = rows.get(movement);
        return row == null ? 0 : row.getLong(row.fieldIndex("deals"));
    }

    private static java.math.BigDecimal amount(java.util.Map<String, Row> rows, String movement) {
        Row row = rows.get(movement);
        return row == null || row.isNullAt(row.fieldIndex("amount")) ? java.math.BigDecimal.ZERO
                : row.getDecimal(row.fieldIndex("amount"));
    }

    private static Column count(Column in, Column amount, String name) {
        return org.apache.spark.sql.functions.struct(
                sum(when(in, 1L).otherwise(0L)).as("deals"),
                coalesce(sum(when(in, amount)), lit(0)).as("amount")).as(name);
    }

    private static Column[] flatten() {
        List<Column> columns = new ArrayList<>();
        for (String m : MOVEMENTS) {
            columns.add(coalesce(col(m + ".deals"), lit(0L)).as(m + "_deals"));
            columns.add(col(m + ".amount").as(m + "_amount"));
        }
        return columns.toArray(Column[]::new);
    }

    private static Column stages() {
        return org.apache.spark.sql.functions.array(PipelineDeals.OPEN_STAGES.stream().map(st -> lit(st))
                .toArray(Column[]::new));
    }
}
