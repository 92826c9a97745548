package io.salesops.jobs.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_timestamp;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.salesops.jobs.mart.MartInputs;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Vocabulary;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every deal as it stood at an instant, rebuilt from the opportunities and their stage history:
 * its stage then (the last change before the instant), its amount and probability then (those of
 * the last change that carried one, else today's), whether it was open, when it closed, its
 * forecast category, and today's close date (the CRM keeps no history of it). Pure.
 *
 * <p>A deal exported without any stage history is in its current stage from its creation if it is
 * open; a closed one is closed from its close date on (from its creation when blank), and open
 * before that in the stage {@code (none)}: the data does not say which.
 */
public final class PipelineDeals {

    /** The open stages, in the order a deal advances through them. */
    public static final List<String> OPEN_STAGES = Vocabulary.OPEN_OPPORTUNITY_STAGES;

    static final String NONE = "(none)";

    /** Deals, with their owner's territory region, as the computation reads them. */
    public record Inputs(Dataset<Row> opportunities, Dataset<Row> stageHistory, Dataset<Row> accounts,
                         Dataset<Row> reps, Dataset<Row> territories) {

        /** From a computation's pinned inputs; stage history and accounts may be missing (no rows then). */
        public static Inputs of(MartInputs tables) {
            return new Inputs(tables.table(CanonicalTables.OPPORTUNITIES),
                    tables.optionalOrEmpty(CanonicalTables.OPPORTUNITY_STAGE_HISTORY),
                    tables.optionalOrEmpty(CanonicalTables.ACCOUNTS), tables.table(CanonicalTables.REPS),
                    tables.table(CanonicalTables.TERRITORIES));
        }
    }

    private PipelineDeals() {
    }

    /**
     * One row per deal created before {@code asOf}: opportunity_id, opportunity_name, created_at, stage, is_open, closed_at (the
     * instant it closed, for a closed one), forecast_category, close_date, amount, currency,
     * probability, region, rep.
     *
     * @param zone the business calendar: a close date is a day on it
     */
    public static Dataset<Row> asOf(Inputs in, Instant asOf, ZoneId zone) {
        Column before = lit(Timestamp.from(asOf));
        Dataset<Row> history = in.stageHistory().where(col("changed_at").lt(before));
        Dataset<Row> stages = history.groupBy(col("opportunity_id").as("h_id"))
                .agg(max_by(col("stage"), col("changed_at")).as("h_stage"), max("changed_at").as("h_changed_at"));
        Dataset<Row> amounts = history.where(col("amount").isNotNull()).groupBy(col("opportunity_id").as("a_id"))
                .agg(max_by(col("amount"), col("changed_at")).as("h_amount"));
        Dataset<Row> probabilities = history.where(col("probability").isNotNull())
                .groupBy(col("opportunity_id").as("p_id"))
                .agg(max_by(col("probability"), col("changed_at")).as("h_probability"));
        Dataset<Row> withHistory = in.stageHistory().select(col("opportunity_id").as("any_id")).distinct();

        Column noHistory = col("any_id").isNull();
        Column closedNow = col("stage").isin("closed_won", "closed_lost");
        Column closeStart = closeStart(col("close_date"), zone);
        Column closedBeforeWithoutHistory = closedNow.and(col("close_date").isNull()
                .or(col("close_date").lt(lit(Date.valueOf(asOf.atZone(zone).toLocalDate())))));
        Column stageThen = when(noHistory, when(not(closedNow).or(closedBeforeWithoutHistory), col("stage"))
                .otherwise(lit(NONE)))
                .otherwise(coalesce(col("h_stage"), lit(NONE)));
        Column closedAt = when(noHistory, when(closedBeforeWithoutHistory, coalesce(closeStart, col("created_at"))))
                .otherwise(when(col("h_stage").isin("closed_won", "closed_lost"), col("h_changed_at")));

        return in.opportunities().where(col("created_at").lt(before))
                .join(stages, col("opportunity_id").equalTo(col("h_id")), "left")
                .join(amounts, col("opportunity_id").equalTo(col("a_id")), "left")
                .join(probabilities, col("opportunity_id").equalTo(col("p_id")), "left")
                .join(withHistory, col("opportunity_id").equalTo(col("any_id")), "left")
                .join(regions(in), col("opportunity_id").equalTo(col("r_id")), "left")
                .withColumn("stage_then", stageThen)
                .select(col("opportunity_id"), col("opportunity_name"), col("created_at"), col("stage_then").as("stage"),
                        col("stage_then").isin("closed_won", "closed_lost").equalTo(false).as("is_open"),
                        closedAt.as("closed_at"),
                        forecastCategory(col("stage_then"), col("stage"), col("forecast_category"))
                                .as("forecast_category"),
                        col("close_date"), coalesce(col("h_amount"), col("amount")).as("amount"), col("currency"),
                        coalesce(col("h_probability"), col("probability")).as("probability"),
                        coalesce(col("deal_region"), lit(NONE)).as("region"), col("owner_rep_id").as("rep"));
    }

    /**
     * A close date's first instant on the business calendar: when a deal exported without history
     * closed. Spark's session zone plays no part (a cast to timestamp would take it).
     */
    public static Column closeStart(Column closeDate, ZoneId zone) {
        return make_timestamp(year(closeDate), month(closeDate), dayofmonth(closeDate), lit(0), lit(0), lit(0),
                lit(zone.getId()));
    }

    /** The deals won between the instants: their last change before {@code end} is closed_won, at or after {@code start}. */
    public static Dataset<Row> wonBetween(Inputs in, Instant start, Instant end, ZoneId zone) {
        return asOf(in, end, zone).where(col("stage").equalTo("closed_won")
                .and(col("closed_at").geq(lit(Timestamp.from(start)))));
    }

    /**
     * The category then: closed for a won deal, omitted for a lost one; the CRM's own while the deal
     * is still in the stage it had then (the field has no history); else the one its stage implies
     * (prospecting and qualification: pipeline, proposal: best_case, negotiation: commit).
     */
    private static Column forecastCategory(Column stageThen, Column stageNow, Column categoryNow) {
        Column implied = when(stageThen.equalTo("negotiation"), lit("commit"))
                .when(stageThen.equalTo("proposal"), lit("best_case"))
                .otherwise(lit("pipeline"));
        return when(stageThen.equalTo("closed_won"), lit("closed"))
                .when(stageThen.equalTo("closed_lost"), lit("omitted"))
                .when(stageThen.equalTo(stageNow).and(categoryNow.isin("pipeline", "best_case", "commit")), categoryNow)
                .otherwise(implied);
    }

    /** Each deal's region: its account's, else its owner's territory's. */
    private static Dataset<Row> regions(Inputs in) {
        Dataset<Row> accounts = in.accounts().select(col("account_id").as("acc_id"), col("region").as("acc_region"));
        Dataset<Row> owners = in.reps().select(col("rep_id").as("owner_id"), col("territory_id").as("owner_territory"))
                .join(in.territories().select(col("territory_id").as("t_id"), col("region").as("owner_region")),
                        col("owner_territory").equalTo(col("t_id")), "left");
        return in.opportunities().select(col("opportunity_id").as("r_id"), col("account_id").as("r_account"),
                        col("owner_rep_id").as("r_owner"))
                .join(accounts, col("r_account").equalTo(col("acc_id")), "left")
                .join(owners, col("r_owner").equalTo(col("owner_id")), "left")
                .select(col("r_id"), coalesce(col("acc_region"), col("owner_region")).as("deal_region"));
    }
}
