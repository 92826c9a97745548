package io.salesops.jobs.funnel;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.funnel.FunnelDefinition.Member;
import io.salesops.jobs.funnel.FunnelStep.Evidence;
import io.salesops.jobs.pipeline.PipelineDeals;
import io.salesops.warehouse.model.Vocabulary;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per funnel member (a lead, or an opportunity) as of an instant: its cohort month, its
 * dimension values, its outcome ({@code won}, {@code lost} or {@code open}) and, per step, whether
 * there is a record of it ({@code rec_N}) and when the member entered it ({@code at_N}, null when
 * the data does not say, as for lead statuses, which have no history). Events after the instant
 * do not count, so a period's funnel is the same whenever it is computed. Pure: Datasets in, a
 * Dataset out.
 */
public final class FunnelJourneys {

    /** The canonical tables a funnel reads. */
    public record Inputs(Dataset<Row> leads, Dataset<Row> opportunities, Dataset<Row> stageHistory,
                         Dataset<Row> reps, Dataset<Row> territories, Dataset<Row> accounts, Dataset<Row> orders) {
    }

    /** The dimensions of funnel_conversion besides {@code all}, in the order the mart lists them. */
    public static final List<String> DIMENSIONS = List.of("source", "campaign", "region", "territory", "industry",
            "rep", "team", "customer_type");

    static final String WON = "won";
    static final String LOST = "lost";
    static final String OPEN = "open";

    private static final List<String> STAGES = Vocabulary.OPPORTUNITY_STAGES;

    private FunnelJourneys() {
    }

    /**
     * @param asOf     the end of the period (exclusive): what happened at or after it has not happened yet
     * @param zone     the business calendar the cohort month is taken on
     * @param sessionZone Spark's session time zone, in which timestamps are rendered
     */
    public static Dataset<Row> of(FunnelDefinition funnel, Inputs in, Instant asOf, ZoneId zone, String sessionZone) {
        return of(funnel, in, opportunitiesAsOf(in, asOf, zone), asOf, zone, sessionZone);
    }

    /**
     * As {@link #of(FunnelDefinition, Inputs, Instant, ZoneId, String)}, from the opportunities
     * already rebuilt as of the instant ({@link #opportunitiesAsOf}), which every funnel and the win
     * rates of a period share.
     */
    public static Dataset<Row> of(FunnelDefinition funnel, Inputs in, Dataset<Row> dealsAsOf, Instant asOf,
                                  ZoneId zone, String sessionZone) {
        Dataset<Row> members = members(funnel.member(), in, dealsAsOf, asOf, zone, sessionZone);
        Column localCreated = from_utc_timestamp(to_utc_timestamp(col("created_at"), sessionZone), zone.getId());
        List<Column> columns = new ArrayList<>(List.of(col("member_id"),
                date_format(localCreated, "yyyy-MM").as("cohort_month"), col("created_at"),
                outcome().as("outcome")));
        DIMENSIONS.forEach(d -> columns.add(col(d)));
        for (int i = 0; i < funnel.steps().size(); i++) {
            FunnelStep step = funnel.steps().get(i);
            columns.add(coalesce(recorded(step), lit(false)).as("rec_" + i));
            columns.add(entered(step).as("at_" + i));
        }
        return members.select(columns.toArray(Column[]::new));
    }

    /**
     * Every opportunity created before the instant: its outcome then, the instant of its last stage
     * change before it ({@code last_change_at}; the close date's start for a deal without history),
     * amount and currency, and the dimensions of the funnel marts. What win rates are computed from.
     */
    public static Dataset<Row> deals(Inputs in, Instant asOf, ZoneId zone, String sessionZone) {
        return deals(in, opportunitiesAsOf(in, asOf, zone), asOf, zone, sessionZone);
    }

    /** As {@link #deals(Inputs, Instant, ZoneId, String)}, from the opportunities already rebuilt as of the instant. */
    public static Dataset<Row> deals(Inputs in, Dataset<Row> dealsAsOf, Instant asOf, ZoneId zone, String sessionZone) {
        List<Column> columns = new ArrayList<>(List.of(col("member_id").as("opportunity_id"), col("created_at"),
                outcome().as("outcome"), col("last_change_at"), col("amount"), col("currency")));
        DIMENSIONS.forEach(d -> columns.add(col(d)));
        return members(Member.OPPORTUNITY, in, dealsAsOf, asOf, zone, sessionZone)
                .select(columns.toArray(Column[]::new));
    }

    /** The members with their dimension values, before the steps are read. */
    private static Dataset<Row> members(Member member, Inputs in, Dataset<Row> deals, Instant asOf, ZoneId zone,
                                        String sessionZone) {
        Column before = lit(Timestamp.from(asOf));
        Dataset<Row> members = member == Member.LEAD ? leadMembers(in, deals, before)
                : opportunityMembers(in, deals, before);
        Dataset<Row> owners = in.reps().select(col("rep_id").as("owner_id"), col("team_id").as("owner_team"),
                        col("territory_id").as("owner_territory"))
                .join(in.territories().select(col("territory_id").as("t_id"), col("region").as("owner_region")),
                        col("owner_territory").equalTo(col("t_id")), "left");
        Column localCreated = from_utc_timestamp(to_utc_timestamp(col("created_at"), sessionZone), zone.getId());
        return members.join(owners, col("rep").equalTo(col("owner_id")), "left")
                .join(firstOrders(in), col("account_id").equalTo(col("c_account")), "left")
                .withColumn("region", coalesce(col("member_region"), col("owner_region")))
                .withColumn("territory", col("owner_territory"))
                .withColumn("team", col("owner_team"))
                .withColumn("customer_type", when(col("first_order").lt(to_date(localCreated)), lit("existing"))
                        .otherwise(lit("new")));
    }

    /**
     * Each opportunity as of the instant: when it first entered each stage, the stage it was in
     * (the last change before the instant) and its first closed_won entry. An opportunity with no
     * stage history keeps its current stage, with no instants (data exported without history); it
     * closed at the first instant of its close date on the business calendar
     * ({@link PipelineDeals#closeStart}).
     */
    public static Dataset<Row> opportunitiesAsOf(Inputs in, Instant asOf, ZoneId zone) {
        Column before = lit(Timestamp.from(asOf));
        Dataset<Row> history = in.stageHistory().where(col("changed_at").lt(before));
        Dataset<Row> firsts = history.groupBy("opportunity_id").pivot("stage", new ArrayList<>(STAGES))
                .agg(min("changed_at"));
        for (String stage : STAGES) {
            firsts = firsts.withColumnRenamed(stage, "first_" + stage);
        }
        Dataset<Row> current = history.groupBy(col("opportunity_id").as("h_id"))
                .agg(max_by(col("stage"), col("changed_at")).as("stage_then"),
                        org.apache.spark.sql.functions.max("changed_at").as("last_change_then"));
        Dataset<Row> any = in.stageHistory().groupBy(col("opportunity_id").as("any_id")).count();
        return in.opportunities().where(col("created_at").lt(before))
                .join(firsts, "opportunity_id", "left")
                .join(current, col("opportunity_id").equalTo(col("h_id")), "left")
                .join(any, col("opportunity_id").equalTo(col("any_id")), "left")
                .withColumn("without_history", col("any_id").isNull())
                .withColumn("stage_at", when(col("without_history"), col("stage")).otherwise(col("stage_then")))
                .withColumn("last_change_at", when(col("without_history"),
                        PipelineDeals.closeStart(col("close_date"), zone)).otherwise(col("last_change_then")));
    }

    private static Dataset<Row> leadMembers(Inputs in, Dataset<Row> deals, Column before) {
        Dataset<Row> leads = in.leads().where(col("created_at").lt(before));
        Column converted = col("converted_opportunity_id").isNotNull()
                .and(coalesce(col("converted_at"), col("created_at")).lt(before));
        Dataset<Row> opportunityColumns = deals.select(col("opportunity_id"), col("account_id"),
                col("created_at").as("opportunity_created_at"), col("stage_at"), col("without_history"),
                col("first_prospecting"), col("first_qualification"), col("first_proposal"), col("first_negotiation"),
                col("first_closed_won"), col("first_closed_lost"));
        return leads.withColumn("is_converted", converted)
                .join(opportunityColumns, col("is_converted").and(col("converted_opportunity_id")
                        .equalTo(col("opportunity_id"))), "left")
                .select(col("lead_id").as("member_id"), col("created_at"), col("status").as("lead_status"),
                        col("is_converted"), col("converted_at"), col("opportunity_id"), col("account_id"),
                        col("opportunity_created_at"), col("stage_at"), col("without_history"),
                        col("first_prospecting"), col("first_qualification"), col("first_proposal"),
                        col("first_negotiation"), col("first_closed_won"), col("first_closed_lost"),
                        col("source"), col("campaign_id").as("campaign"), col("region").as("member_region"),
                        col("industry"), col("owner_rep_id").as("rep"));
    }

    private static Dataset<Row> opportunityMembers(Inputs in, Dataset<Row> deals, Column before) {
        Dataset<Row> accounts = in.accounts().select(col("account_id").as("a_id"), col("region").as("account_region"),
                col("industry").as("account_industry"));
        return deals.join(accounts, col("account_id").equalTo(col("a_id")), "left")
                .select(col("opportunity_id").as("member_id"), col("created_at"), lit(null).cast("string")
                                .as("lead_status"), lit(true).as("is_converted"), col("created_at").as("converted_at"),
                        col("opportunity_id"), col("account_id"), col("created_at").as("opportunity_created_at"),
                        col("stage_at"), col("without_history"), col("first_prospecting"),
                        col("first_qualification"), col("first_proposal"), col("first_negotiation"),
                        col("first_closed_won"), col("first_closed_lost"), col("lead_source").as("source"),
                        col("campaign_id").as("campaign"), col("account_region").as("member_region"),
                        col("account_industry").as("industry"), col("owner_rep_id").as("rep"), col("amount"),
                        col("currency"), col("last_change_at"));
    }

    /**
     * Each account's first order day: a member whose account ordered before the member was created
     * (on the business calendar) is an {@code existing} customer's, any other a {@code new} one's.
     */
    private static Dataset<Row> firstOrders(Inputs in) {
        Dataset<Row> first = in.orders().groupBy(col("customer_id").as("o_customer"))
                .agg(min("order_date").as("first_order"));
        return in.accounts().select(col("account_id").as("c_account"), col("customer_id").as("c_customer"))
                .join(first, col("c_customer").equalTo(col("o_customer")))
                .select(col("c_account"), col("first_order"));
    }

    /**
     * A member's (dimension, value) pairs for the marts: {@code all}, then each of {@link #DIMENSIONS}
     * with a missing value as {@code (none)}, so that a dimension's values add up to {@code all}.
     */
    static Column dimensionValues() {
        List<Column> pairs = new ArrayList<>(List.of(struct(lit(FunnelConversion.ALL).as("dimension"),
                lit(FunnelConversion.ALL).as("value"))));
        DIMENSIONS.forEach(d -> pairs.add(struct(lit(d).as("dimension"),
                coalesce(col(d), lit(FunnelConversion.NONE)).as("value"))));
        return array(pairs.toArray(Column[]::new));
    }

    private static Column outcome() {
        return when(col("stage_at").equalTo("closed_won"), lit(WON))
                .when(col("stage_at").equalTo("closed_lost"), lit(LOST))
                .when(col("opportunity_id").isNull().and(col("lead_status").equalTo("disqualified")), lit(LOST))
                .otherwise(lit(OPEN));
    }

    private static Column recorded(FunnelStep step) {
        return switch (step.evidence()) {
            case LEAD_CREATED, OPPORTUNITY_CREATED -> step.evidence() == Evidence.LEAD_CREATED ? lit(true)
                    : col("opportunity_id").isNotNull();
            case LEAD_STATUS -> col("is_converted").or(coalesce(array_position(statuses(), col("lead_status")),
                    lit(0)).geq(FunnelFile.LEAD_STATUSES.indexOf(step.value()) + 1));
            case CONVERTED -> col("is_converted");
            case STAGE -> col("first_" + step.value()).isNotNull()
                    .or(col("without_history").and(col("stage_at").equalTo(step.value())));
            case WON -> coalesce(col("stage_at").equalTo("closed_won"), lit(false));
        };
    }

    private static Column entered(FunnelStep step) {
        return switch (step.evidence()) {
            case LEAD_CREATED -> col("created_at");
            case LEAD_STATUS -> lit(null).cast("timestamp");
            case CONVERTED -> when(col("is_converted"), col("converted_at"));
            case OPPORTUNITY_CREATED -> col("opportunity_created_at");
            case STAGE -> col("first_" + step.value());
            case WON -> when(col("stage_at").equalTo("closed_won"), col("first_closed_won"));
        };
    }

    private static Column statuses() {
        return array(FunnelFile.LEAD_STATUSES.stream().map(s -> lit(s)).toArray(Column[]::new));
    }
}
