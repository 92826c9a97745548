package io.salesops.jobs.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What attribution credits, and the campaign touches each can be credited to. Events of a period:
 * {@code lead} (a lead created in it), {@code mql} (one of those that reached MQL or later by its
 * end), {@code opportunity} (an opportunity created in it) and {@code won} (a deal won in it, with
 * its amount). A lead's touches are its campaign touches and its originating campaign (at its
 * creation); an opportunity's are those of the leads converted to it, the touches of its account's
 * contacts, and its primary campaign (at its creation). A touch counts for an event when it came at
 * or before the event and at most {@value #LOOKBACK_DAYS} days before it. Pure.
 */
public final class AttributionEvents {

    /** How far back a touch can still be credited, in days. */
    public static final int LOOKBACK_DAYS = 365;

    public static final String LEAD = "lead";
    public static final String MQL = "mql";
    public static final String OPPORTUNITY = "opportunity";
    public static final String WON = "won";

    /** The rows attribution reads; {@code wonDeals} has opportunity_id, closed_at and amount_cny. */
    public record Inputs(Dataset<Row> leads, Dataset<Row> opportunities, Dataset<Row> wonDeals,
                         Dataset<Row> touches) {
    }

    private AttributionEvents() {
    }

    /** event_id, kind, at, amount_cny (won only): the period's events. */
    public static Dataset<Row> of(Inputs in, Instant start, Instant end) {
        Column inPeriod = col("created_at").geq(lit(Timestamp.from(start))).and(col("created_at").lt(lit(Timestamp.from(end))));
        Dataset<Row> leads = in.leads().where(inPeriod);
        Column reachedMql = col("status").isin("mql", "sql", "converted").or(col("converted_opportunity_id").isNotNull()
                .and(col("converted_at").lt(lit(Timestamp.from(end)))));
        return event(leads, LEAD, "lead_id", col("created_at"))
                .unionByName(event(leads.where(reachedMql), MQL, "lead_id", lit(Timestamp.from(end))))
                .unionByName(event(in.opportunities().where(inPeriod), OPPORTUNITY, "opportunity_id",
                        col("created_at")))
                .unionByName(in.wonDeals().select(concat(lit(WON + ":"), col("opportunity_id")).as("event_id"),
                        lit(WON).as("kind"), col("opportunity_id").as("subject"), col("closed_at").as("at"),
                        col("amount_cny")));
    }

    /** event_id, campaign_id, touched_at: the touches each event can be credited to, one row per distinct touch. */
    public static Dataset<Row> touches(Inputs in, Dataset<Row> events) {
        Dataset<Row> leadTouches = in.touches().where(col("lead_id").isNotNull())
                .select(col("lead_id"), col("campaign_id"), col("touched_at"))
                .unionByName(in.leads().where(col("campaign_id").isNotNull())
                        .select(col("lead_id"), col("campaign_id"), col("created_at").as("touched_at")));
        Dataset<Row> viaLeads = in.leads().where(col("converted_opportunity_id").isNotNull())
                .select(col("lead_id").as("c_lead"), col("converted_opportunity_id").as("subject"))
                .join(leadTouches, col("c_lead").equalTo(col("lead_id")))
                .select(col("subject"), col("campaign_id"), col("touched_at"));
        Dataset<Row> viaAccount = in.opportunities().where(col("account_id").isNotNull())
                .select(col("opportunity_id").as("subject"), col("account_id").as("o_account"))
                .join(in.touches().where(col("account_id").isNotNull()),
                        col("o_account").equalTo(col("account_id")))
                .select(col("subject"), col("campaign_id"), col("touched_at"));
        Dataset<Row> primary = in.opportunities().where(col("campaign_id").isNotNull())
                .select(col("opportunity_id").as("subject"), col("campaign_id"), col("created_at").as("touched_at"));
        Dataset<Row> ofOpportunities = viaLeads.unionByName(viaAccount).unionByName(primary);

        Dataset<Row> leadEvents = events.where(col("kind").isin(LEAD, MQL))
                .join(leadTouches.withColumnRenamed("lead_id", "subject"), "subject");
        Dataset<Row> opportunityEvents = events.where(col("kind").isin(OPPORTUNITY, WON))
                .join(ofOpportunities, "subject");
        return leadEvents.unionByName(opportunityEvents)
                .where(col("touched_at").leq(col("at"))
                        .and(col("touched_at").geq(col("at").minus(expr("INTERVAL " + LOOKBACK_DAYS + " DAYS")))))
                .select("event_id", "campaign_id", "touched_at", "at")
                .distinct();
    }

    private static Dataset<Row> event(Dataset<Row> rows, String kind, String id, Column at) {
        return rows.select(concat(lit(kind + ":"), col(id)).as("event_id"), lit(kind).as("kind"), col(id).as("subject"),
                at.as("at"), lit(null).cast(io.salesops.jobs.spark.ToCny.MONEY).as("amount_cny"));
    }
}
