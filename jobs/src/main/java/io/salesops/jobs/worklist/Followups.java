package io.salesops.jobs.worklist;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * followups_due: the deals open at the period's end whose last activity (else their creation) is
 * older than their stage allows, and the open leads younger than {@value #LEAD_HORIZON_DAYS} days
 * older than their status allows. Leads carry no link to activities in CRM exports, so a lead's
 * days are counted from its creation: the list is of leads not yet converted or disqualified that
 * long after they came in. Pure.
 */
public final class Followups {

    /** Days a deal may go without activity, by stage (what a sales manager would chase). */
    public static final Map<String, Integer> DEAL_DAYS = Map.of("prospecting", 14, "qualification", 14, "proposal", 10,
            "negotiation", 7, "(none)", 14);
    /** Days a lead may stay in a status before someone should act on it. */
    public static final Map<String, Integer> LEAD_DAYS = Map.of("new", 2, "contacted", 7, "mql", 5, "sql", 3);
    /** Older open leads are stale, not follow-ups. */
    public static final int LEAD_HORIZON_DAYS = 90;

    private static final DataType DAYS = DataTypes.createDecimalType(18, 3);

    private Followups() {
    }

    /**
     * @param deals      every deal as of the period's end (PipelineDeals.asOf with amount_cny)
     * @param activities the canonical activities
     * @param leads      the canonical leads
     */
    public static Dataset<Row> of(Dataset<Row> deals, Dataset<Row> activities, Dataset<Row> leads, Instant end,
                                  YearMonth period) {
        Column before = lit(Timestamp.from(end));
        Dataset<Row> lastActivity = activities.where(col("opportunity_id").isNotNull().and(col("occurred_at").lt(before)))
                .groupBy(col("opportunity_id").as("act_opportunity")).agg(max("occurred_at").as("last_activity_at"));
        Dataset<Row> dueDeals = deals.where(col("is_open"))
                .join(lastActivity, col("opportunity_id").equalTo(col("act_opportunity")), "left")
                .withColumn("days_since_activity", days(coalesce(col("last_activity_at"), col("created_at")), before))
                .withColumn("threshold_days", threshold(DEAL_DAYS, col("stage")))
                .where(col("days_since_activity").gt(col("threshold_days")))
                .select(lit("deal").as("kind"), col("opportunity_id").as("record_id"),
                        col("opportunity_name").as("name"), col("rep").as("owner"), col("stage"),
                        col("last_activity_at"), col("days_since_activity"), col("threshold_days"),
                        col("amount_cny").as("amount"));
        Column open = col("status").isin(LEAD_DAYS.keySet().toArray()).and(col("converted_opportunity_id").isNull());
        Dataset<Row> dueLeads = leads.where(open.and(col("created_at").lt(before)))
                .withColumn("days_since_activity", days(col("created_at"), before))
                .withColumn("threshold_days", threshold(LEAD_DAYS, col("status")))
                .where(col("days_since_activity").gt(col("threshold_days"))
                        .and(col("days_since_activity").leq(LEAD_HORIZON_DAYS)))
                .select(lit("lead").as("kind"), col("lead_id").as("record_id"), col("company_name").as("name"),
                        col("owner_rep_id").as("owner"), col("status").as("stage"),
                        lit(null).cast("timestamp").as("last_activity_at"), col("days_since_activity"),
                        col("threshold_days"), lit(null).cast(io.salesops.jobs.spark.ToCny.MONEY).as("amount"));
        return dueDeals.unionByName(dueLeads).select(lit(period.toString()).as("period"), col("*"));
    }

    private static Column days(Column from, Column to) {
        return unix_timestamp(to).minus(unix_timestamp(from)).divide(86_400d).cast(DAYS);
    }

    private static Column threshold(Map<String, Integer> days, Column stage) {
        Column result = null;
        for (var entry : days.entrySet()) {
            result = result == null ? when(stage.equalTo(entry.getKey()), lit((long) entry.getValue()))
                    : result.when(stage.equalTo(entry.getKey()), lit((long) entry.getValue()));
        }
        return result.otherwise(lit(14L));
    }
}
