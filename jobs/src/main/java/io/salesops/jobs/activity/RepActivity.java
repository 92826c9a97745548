package io.salesops.jobs.activity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import io.salesops.warehouse.model.Vocabulary;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * rep_activity for one period: per rep employed during it, the leads created in it that the rep
 * owns and how fast they were first answered, the rep's activities by type, the rep's deals that
 * moved to a later stage, and those won. CRM exports link activities to deals and accounts, not to
 * leads: a lead's first activity is the first on the deal it was converted to, or on that deal's
 * account, at or after the lead came in; a lead without one is not in the response times (see
 * {@code responded_leads}). Pure.
 */
public final class RepActivity {

    /** Activity types and the columns they are counted in. */
    static final Map<String, String> TYPES = Map.of("call", "calls", "visit", "visits", "email", "emails",
            "meeting", "meetings", "sample_sent", "samples_sent");
    private static final List<String> STAGE_ORDER = Stream.concat(
            Vocabulary.OPEN_OPPORTUNITY_STAGES.stream(), Stream.of("closed_won"))
            .toList();

    private RepActivity() {
    }

    public record Inputs(Dataset<Row> reps, Dataset<Row> leads, Dataset<Row> opportunities, Dataset<Row> stageHistory,
                         Dataset<Row> activities) {
    }

    /** @param wonDeals the deals won in the period (opportunity_id, rep) */
    public static Dataset<Row> of(Inputs in, Dataset<Row> wonDeals, Instant start, Instant end, YearMonth period) {
        Column from = lit(Timestamp.from(start));
        Column to = lit(Timestamp.from(end));
        Dataset<Row> reps = in.reps().where(col("hire_date").leq(lit(Date.valueOf(period.atEndOfMonth())))
                        .and(col("termination_date").isNull()
                                .or(col("termination_date").geq(lit(Date.valueOf(period.atDay(1)))))))
                .select(col("rep_id").as("rep"));
        Dataset<Row> activities = in.activities().where(col("occurred_at").geq(from).and(col("occurred_at").lt(to)));
        Column[] counts = typeCounts();
        Dataset<Row> byType = activities.groupBy(col("rep_id").as("a_rep"))
                .agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length));
        return reps.join(responses(in, from, to), col("rep").equalTo(col("l_rep")), "left")
                .join(byType, col("rep").equalTo(col("a_rep")), "left")
                .join(advanced(in.stageHistory(), in.opportunities(), from, to), col("rep").equalTo(col("s_rep")), "left")
                .join(wonDeals.groupBy(col("rep").as("w_rep")).agg(count(lit(1)).as("won_deals")),
                        col("rep").equalTo(col("w_rep")), "left")
                .select(lit(period.toString()).as("period"), col("rep"),
                        coalesce(col("leads_assigned"), lit(0L)).as("leads_assigned"),
                        coalesce(col("responded_leads"), lit(0L)).as("responded_leads"),
                        col("first_response_hours_median"), col("first_response_hours_p90"),
                        coalesce(col("calls"), lit(0L)).as("calls"), coalesce(col("visits"), lit(0L)).as("visits"),
                        coalesce(col("emails"), lit(0L)).as("emails"),
                        coalesce(col("meetings"), lit(0L)).as("meetings"),
                        coalesce(col("samples_sent"), lit(0L)).as("samples_sent"),
                        coalesce(col("opportunities_advanced"), lit(0L)).as("opportunities_advanced"),
                        coalesce(col("won_deals"), lit(0L)).as("won"));
    }

    /** Per owner: the period's leads, those answered, and the median and p90 hours to the answer. */
    private static Dataset<Row> responses(Inputs in, Column from, Column to) {
        Dataset<Row> leads = in.leads().where(col("created_at").geq(from).and(col("created_at").lt(to)))
                .join(in.opportunities().select(col("opportunity_id").as("o_id"), col("account_id").as("o_account")),
                        col("converted_opportunity_id").equalTo(col("o_id")), "left");
        Dataset<Row> acts = in.activities().where(col("occurred_at").lt(to))
                .select(col("activity_id"), col("opportunity_id").as("act_opportunity"),
                        col("account_id").as("act_account"), col("occurred_at"));
        // two equi-joins, not one on "deal or account": Spark cannot hash-join a disjunction
        Dataset<Row> onDeal = leads.join(acts, col("o_id").equalTo(col("act_opportunity")))
                .where(col("occurred_at").geq(col("created_at"))).select("lead_id", "occurred_at");
        Dataset<Row> onAccount = leads.join(acts, col("o_account").equalTo(col("act_account")))
                .where(col("occurred_at").geq(col("created_at"))).select("lead_id", "occurred_at");
        Dataset<Row> first = onDeal.unionByName(onAccount)
                .groupBy(col("lead_id").as("f_lead")).agg(min("occurred_at").as("first_activity"));
        Column hours = unix_timestamp(col("first_activity")).minus(unix_timestamp(col("created_at"))).divide(3600d);
        return leads.join(first, col("lead_id").equalTo(col("f_lead")), "left")
                .withColumn("hours", hours)
                .groupBy(col("owner_rep_id").as("l_rep"))
                .agg(count(lit(1)).as("leads_assigned"), count(col("first_activity")).as("responded_leads"),
                        expr("percentile(hours, 0.5)").cast(DataTypes.createDecimalType(18, 3))
                                .as("first_response_hours_median"),
                        expr("percentile(hours, 0.9)").cast(DataTypes.createDecimalType(18, 3))
                                .as("first_response_hours_p90"));
    }

    /** Per owner: deals with a change in the period to a later stage than the one before it. */
    private static Dataset<Row> advanced(Dataset<Row> history, Dataset<Row> opportunities, Column from, Column to) {
        Column order = org.apache.spark.sql.functions.array_position(org.apache.spark.sql.functions.array(
                STAGE_ORDER.stream().map(s -> lit(s)).toArray(Column[]::new)), col("stage"));
        Dataset<Row> moves = history.withColumn("order", order)
                .withColumn("previous", lag("order", 1).over(Window.partitionBy("opportunity_id").orderBy("changed_at")))
                .where(col("changed_at").geq(from).and(col("changed_at").lt(to))
                        .and(col("order").gt(coalesce(col("previous"), lit(0L)))).and(col("previous").isNotNull()));
        return moves.join(opportunities.select(col("opportunity_id").as("m_id"), col("owner_rep_id")),
                        col("opportunity_id").equalTo(col("m_id")))
                .groupBy(col("owner_rep_id").as("s_rep"))
                .agg(countDistinct("opportunity_id").as("opportunities_advanced"));
    }

    private static Column[] typeCounts() {
        return TYPES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> sum(when(col("activity_type").equalTo(e.getKey()), 1L).otherwise(0L)).as(e.getValue()))
                .toArray(Column[]::new);
    }
}
