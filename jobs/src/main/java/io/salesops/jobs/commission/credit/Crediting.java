package io.salesops.jobs.commission.credit;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides who is credited for each commissionable event ({@link CommissionEvents}), and with which
 * share:
 *
 * <ul>
 * <li><b>split</b>: an order placed under a supply contract (the customer's account's contract whose
 * term contains the order date; the latest signed when several do) whose CRM opportunity has
 * splits credits each split rep with their percentage;</li>
 * <li><b>owner</b>: otherwise the ERP salesperson of the order or invoice gets all of it;</li>
 * <li><b>overlay</b>: in addition, every rep employed on the event date whose home territory is an
 * industry overlay gets all of it when the customer's account is in that industry and region.</li>
 * </ul>
 *
 * <p>Each credit also names the credited rep's manager on the event date, from the effective-dated
 * reporting lines, so a manager's override counts the team as it was when the deal happened, and
 * the campaign the sale is attributed to (SPIFs on a campaign): the primary campaign
 * ({@code opportunities.campaign_id}) of the deal behind the order's contract, the same contract
 * that decides the splits. An order under no contract, or whose deal names no campaign, has none.
 * For SPIFs attributed by touches instead, each credit also lists the campaigns that touched the
 * customer's account before the order ({@link CampaignTouchesOnOrders}).
 */
public final class Crediting {

    /** A split share: split_percent / 100, exact for percentages with up to 6 decimals. */
    public static final DataType SHARE = DataTypes.createDecimalType(18, 8);
    private static final Date END_OF_TIME = Date.valueOf("9999-12-31");

    /**
     * @param opportunities the CRM deals, for the campaign of each credit; null when no plan pays on
     *                      a campaign, which spares reading them (every campaign_id is then null)
     * @param managerLevels how many levels of managers each credit names: manager_id, then
     *                      manager_id_2 up to manager_id_N, for overrides that roll up further
     */
    public record Inputs(Dataset<Row> contracts, Dataset<Row> customers, Dataset<Row> accounts,
            Dataset<Row> opportunitySplits, Dataset<Row> reps, Dataset<Row> territories, Dataset<Row> reportingLines,
            Dataset<Row> opportunities, int managerLevels, Touches touches) {

        public Inputs {
            if (managerLevels < 1) {
                throw new IllegalArgumentException("managerLevels must be at least 1, cannot be: " + managerLevels);
            }
            touches = touches == null ? Touches.NONE : touches;
        }

        /** Inputs without campaign touches. */
        public Inputs(Dataset<Row> contracts, Dataset<Row> customers, Dataset<Row> accounts,
                      Dataset<Row> opportunitySplits, Dataset<Row> reps, Dataset<Row> territories,
                      Dataset<Row> reportingLines, Dataset<Row> opportunities, int managerLevels) {
            this(contracts, customers, accounts, opportunitySplits, reps, territories, reportingLines, opportunities,
                    managerLevels, Touches.NONE);
        }

        /** Inputs naming the direct manager only. */
        public Inputs(Dataset<Row> contracts, Dataset<Row> customers, Dataset<Row> accounts,
                      Dataset<Row> opportunitySplits, Dataset<Row> reps, Dataset<Row> territories,
                      Dataset<Row> reportingLines, Dataset<Row> opportunities) {
            this(contracts, customers, accounts, opportunitySplits, reps, territories, reportingLines, opportunities, 1);
        }
    }

    /**
     * Marketing's campaign touches and the CRM's contacts, for SPIFs attributed by touches; {@link
     * #NONE} when no plan has one, which spares reading them (every campaign_touches is then null).
     *
     * @param lookbacks campaign id → the longest lookback in days a SPIF on it asks for
     */
    public record Touches(Dataset<Row> campaignTouches, Dataset<Row> contacts, Map<String, Integer> lookbacks) {
        public static final Touches NONE = new Touches(null, null, Map.of());

        public Touches {
            lookbacks = Map.copyOf(lookbacks);
            if (!lookbacks.isEmpty() && (campaignTouches == null || contacts == null)) {
                throw new IllegalArgumentException("a SPIF attributed by touches of " + lookbacks.keySet()
                        + " needs the campaign_touches and contacts tables");
            }
        }
    }

    private Crediting() {
    }

    /**
     * The events' credits: every event column, and credited_rep_id, credit_role, share,
     * split_opportunity_id, campaign_id, campaign_touches, manager_id (and manager_id_2 ... when asked for).
     */
    public static Dataset<Row> compute(Dataset<Row> events, Inputs in) {
        Dataset<Row> deals = dealsOn(events, in);
        Dataset<Row> attributed = withTouches(events.join(broadcast(deals),
                col("customer_id").equalTo(col("k_customer")).and(col("order_date").equalTo(col("k_date"))), "left"),
                in);
        Dataset<Row> owned = attributed.join(broadcast(splitsOf(deals, in)),
                col("ctr_opportunity").equalTo(col("sp_opportunity")), "left");
        List<Column> eventColumns = new ArrayList<>(CommissionEvents.COLUMNS.stream().map(c -> col(c)).toList());
        eventColumns.add(col("campaign_id"));
        eventColumns.add(col("campaign_touches"));
        List<Column> ownerOrSplit = new ArrayList<>(eventColumns);
        ownerOrSplit.add(coalesce(col("sp_rep"), col("rep_id")).as("credited_rep_id"));
        ownerOrSplit.add(when(col("sp_rep").isNotNull(), lit("split")).otherwise(lit("owner")).as("credit_role"));
        ownerOrSplit.add(when(col("sp_rep").isNotNull(), col("split_percent").divide(lit(100)))
                .otherwise(lit(1)).cast(SHARE).as("share"));
        ownerOrSplit.add(when(col("sp_rep").isNotNull(), col("ctr_opportunity")).as("split_opportunity_id"));
        Dataset<Row> credits = owned.select(ownerOrSplit.toArray(Column[]::new))
                .unionByName(overlays(attributed, in, eventColumns));
        return withManagers(credits, in.reportingLines(), in.managerLevels());
    }

    /**
     * The deal behind an order of a customer placed on a date: the customer's account's contracts
     * with an opportunity whose term contains the date, the latest signed (then the highest id)
     * winning; with that opportunity's campaign. Decided once per (customer, order date) of the
     * events, which are far fewer than the events. Columns: k_customer, k_date, ctr_opportunity,
     * campaign_id.
     */
    private static Dataset<Row> dealsOn(Dataset<Row> events, Inputs in) {
        Dataset<Row> keys = events.where(col("customer_id").isNotNull())
                .select(col("customer_id").as("k_customer"), col("order_date").as("k_date")).distinct()
                .join(broadcast(in.customers().where(col("account_id").isNotNull())
                        .select(col("customer_id").as("c_id"), col("account_id").as("k_account"))),
                        col("k_customer").equalTo(col("c_id")))
                .drop("c_id");
        Dataset<Row> contracts = in.contracts().where(col("opportunity_id").isNotNull())
                .select(col("contract_id").as("ctr_id"), col("account_id").as("ctr_account"),
                        col("opportunity_id").as("ctr_opportunity"), col("signed_date").as("ctr_signed"),
                        coalesce(col("start_date"), col("signed_date")).as("ctr_from"),
                        coalesce(col("end_date"), lit(END_OF_TIME)).as("ctr_to"));
        Dataset<Row> winners = contracts.join(broadcast(keys), col("ctr_account").equalTo(col("k_account"))
                        .and(col("k_date").geq(col("ctr_from"))).and(col("k_date").leq(col("ctr_to"))))
                .withColumn("ctr_rank", row_number().over(Window.partitionBy("k_customer", "k_date")
                        .orderBy(col("ctr_signed").desc_nulls_last(), col("ctr_id").desc_nulls_last())))
                .where(col("ctr_rank").equalTo(1))
                .select(col("k_customer"), col("k_date"), col("ctr_opportunity"));
        if (in.opportunities() == null) {
            return winners.withColumn("campaign_id", lit(null).cast(DataTypes.StringType));
        }
        Dataset<Row> campaigns = in.opportunities().where(col("campaign_id").isNotNull())
                .select(col("opportunity_id").as("cp_opportunity"), col("campaign_id"))
                .join(broadcast(winners.select("ctr_opportunity").distinct()),
                        col("cp_opportunity").equalTo(col("ctr_opportunity")))
                .drop("ctr_opportunity");
        return winners.join(broadcast(campaigns), col("ctr_opportunity").equalTo(col("cp_opportunity")), "left")
                .drop("cp_opportunity");
    }

    /** The events with campaign_touches: what touched each order's customer before it (null when nothing did). */
    private static Dataset<Row> withTouches(Dataset<Row> events, Inputs in) {
        if (in.touches().lookbacks().isEmpty()) {
            return events.withColumn("campaign_touches", lit(null).cast(DataTypes.StringType));
        }
        Dataset<Row> touched = CampaignTouchesOnOrders.compute(events, in.customers(), in.touches().contacts(),
                in.touches().campaignTouches(), in.touches().lookbacks());
        return events.join(touched, col("customer_id").equalTo(col("tk_customer"))
                        .and(col("order_date").equalTo(col("tk_date"))), "left")
                .drop("tk_customer", "tk_date");
    }

    /** The splits of the deals' opportunities: sp_opportunity, sp_rep, split_percent. */
    private static Dataset<Row> splitsOf(Dataset<Row> deals, Inputs in) {
        return in.opportunitySplits().select(col("opportunity_id").as("sp_opportunity"), col("rep_id").as("sp_rep"),
                        col("split_percent"))
                .join(broadcast(deals.select("ctr_opportunity").distinct()),
                        col("sp_opportunity").equalTo(col("ctr_opportunity")))
                .drop("ctr_opportunity");
    }

    /** Overlay credits: reps of an industry territory, employed on the event date, for their industry and region. */
    private static Dataset<Row> overlays(Dataset<Row> events, Inputs in, List<Column> eventColumns) {
        Dataset<Row> overlayReps = in.reps()
                .join(in.territories().where(col("territory_type").equalTo("industry"))
                        .select(col("territory_id").as("t_id"), col("industry").as("t_industry"),
                                col("region").as("t_region")), col("territory_id").equalTo(col("t_id")))
                .select(col("rep_id").as("ov_rep"), col("hire_date").as("ov_hired"),
                        coalesce(col("termination_date"), lit(END_OF_TIME)).as("ov_left"), col("t_industry"),
                        col("t_region"));
        Dataset<Row> accountOf = broadcast(in.customers()).join(in.accounts().select(col("account_id").as("a_id"),
                        col("industry").as("a_industry"), col("region").as("a_region")),
                        col("account_id").equalTo(col("a_id")))
                .select(col("customer_id").as("ov_customer"), col("a_industry"), col("a_region"));
        Dataset<Row> matched = events.join(broadcast(accountOf), col("customer_id").equalTo(col("ov_customer")))
                .join(broadcast(overlayReps), col("a_industry").equalTo(col("t_industry"))
                        .and(col("a_region").equalTo(col("t_region")))
                        .and(col("event_date").geq(col("ov_hired"))).and(col("event_date").leq(col("ov_left"))));
        List<Column> columns = new ArrayList<>(eventColumns);
        columns.add(col("ov_rep").as("credited_rep_id"));
        columns.add(lit("overlay").as("credit_role"));
        columns.add(lit(1).cast(SHARE).as("share"));
        columns.add(lit(null).cast(DataTypes.StringType).as("split_opportunity_id"));
        return matched.select(columns.toArray(Column[]::new));
    }

    /** The column naming the credited rep's manager {@code level} levels up: manager_id, manager_id_2, ... */
    public static String managerColumn(int level) {
        return level == 1 ? "manager_id" : "manager_id_" + level;
    }

    /**
     * Adds manager_id, the credited rep's manager on the event date, and for {@code levels} above 1
     * that manager's manager on the same date (manager_id_2), and so on: each null when there is
     * none. A chain that comes back to the credited rep or to a manager already named (a loop in
     * the reporting lines) stops there, so nobody is paid twice on the same credit through it.
     */
    private static Dataset<Row> withManagers(Dataset<Row> credits, Dataset<Row> reportingLines, int levels) {
        Dataset<Row> lines = broadcast(reportingLines.select(col("rep_id").as("rl_rep"), col("manager_id").as("rl_manager"),
                col("effective_from").as("rl_from"), coalesce(col("effective_to"), lit(END_OF_TIME)).as("rl_to")));
        Dataset<Row> result = credits;
        Column below = col("credited_rep_id");
        List<Column> named = new ArrayList<>(List.of(col("credited_rep_id")));
        for (int level = 1; level <= levels; level++) {
            Column seen = lit(false);
            for (Column earlier : named) {
                seen = seen.or(coalesce(col("rl_manager").equalTo(earlier), lit(false)));
            }
            String column = managerColumn(level);
            result = result.join(lines, below.equalTo(col("rl_rep")).and(col("event_date").geq(col("rl_from")))
                            .and(col("event_date").lt(col("rl_to"))), "left")
                    .withColumn(column, when(seen, lit(null).cast(DataTypes.StringType)).otherwise(col("rl_manager")))
                    .drop("rl_rep", "rl_manager", "rl_from", "rl_to");
            below = col(column);
            named.add(col(column));
        }
        return result;
    }

    /**
     * The reporting lines when finance keeps no effective-dated history: each rep's current manager
     * from {@code reps}, from the hire date on. Columns: rep_id, manager_id, effective_from,
     * effective_to (null: open).
     */
    public static Dataset<Row> reportingLinesFromReps(Dataset<Row> reps) {
        return reps.where(col("manager_id").isNotNull()).select(col("rep_id"), col("manager_id"),
                col("hire_date").as("effective_from"), lit(null).cast(DataTypes.DateType).as("effective_to"));
    }

    /**
     * Refuses opportunities whose splits do not add up to 100 %: crediting them would create or lose
     * commission. The message names up to five of them with their totals.
     */
    public static void requireWholeSplits(Dataset<Row> opportunitySplits) {
        List<Row> bad = opportunitySplits.groupBy("opportunity_id").agg(sum("split_percent").as("total"))
                .where(abs(col("total").minus(lit(100))).gt(lit(0))).orderBy("opportunity_id").limit(5)
                .collectAsList();
        if (!bad.isEmpty()) {
            throw new IllegalStateException("opportunity_splits must add up to 100 per opportunity, cannot be: "
                    + String.join(", ", bad.stream().map(r -> r.getString(0) + " totals "
                    + r.getDecimal(1).stripTrailingZeros().toPlainString()).toList())
                    + "; correct the splits in the CRM export and ingest it again");
        }
    }
}
