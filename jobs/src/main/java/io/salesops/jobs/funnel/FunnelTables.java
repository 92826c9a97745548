package io.salesops.jobs.funnel;

import static io.salesops.warehouse.model.ColumnType.BOOLEAN;
import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.QUANTITY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** Marts of the funnel computation; their names and columns are what reports and analysts use. */
public final class FunnelTables {

    public static final TableDefinition FUNNEL_CONVERSION = TableDefinition.builder("funnel_conversion", Zone.MARTS,
                    "Per funnel, cohort month, dimension value and step: entered, advanced, lost, open, skipped,"
                            + " converted within the window, and the rates; as of the end of the period.")
            .key("period", "funnel", "cohort_month", "dimension", "dimension_value", "step")
            .required("period", STRING, "the month the funnel is as of, YYYY-MM: events after its end do not count")
            .required("funnel", STRING, "funnel id, e.g. lead-to-won")
            .required("cohort_month", STRING, "month the cohort entered the first step, YYYY-MM, business calendar")
            .required("dimension", STRING, "all, source, campaign, region, territory, industry, rep, team or"
                    + " customer_type")
            .required("dimension_value", STRING, "the value; '(none)' for members without one, 'all' for all")
            .required("step", STRING, "step id")
            .required("step_order", LONG, "0 for the first step")
            .required("entered", LONG, "members that reached the step")
            .required("advanced", LONG, "of those, members that reached the next step (all of them at the last)")
            .required("lost", LONG, "of those, lost or disqualified without reaching the next step")
            .required("open", LONG, "of those, still open without reaching the next step")
            .required("skipped", LONG, "of entered, members that passed the step without a record of it")
            .required("converted_in_window", LONG, "of advanced, those that reached the next step within the"
                    + " step's window")
            .optional("next_step_rate", RATE, "advanced / entered; empty when none entered")
            .optional("cumulative_rate", RATE, "advanced / entered at the first step")
            .required("mature", BOOLEAN, "false while the cohort is younger than the step's window: open members"
                    + " may still advance")
            .partitionedBy("period")
            .build();

    public static final TableDefinition FUNNEL_DURATIONS = TableDefinition.builder("funnel_durations", Zone.MARTS,
                    "Per funnel, step and dimension value: days spent in the step by the members that moved on from it"
                            + " in the period, and the cycle from the first step to the win of the period's wins.")
            .key("period", "funnel", "step", "dimension", "dimension_value")
            .required("period", STRING, "month the members moved on (or were won) in, YYYY-MM")
            .required("funnel", STRING, "funnel id")
            .required("step", STRING, "step id; cycle_to_won for the first step → won")
            .required("step_order", LONG, "the step's place, 0 for the first; the cycle comes last")
            .required("dimension", STRING, "as in funnel_conversion")
            .required("dimension_value", STRING, "the value; '(none)' for members without one, 'all' for all")
            .required("n", LONG, "members measured")
            .required("median_days", QUANTITY, "median days, linear between ranks")
            .required("p75_days", QUANTITY, "75th percentile, days")
            .required("p90_days", QUANTITY, "90th percentile, days")
            .required("mean_days", QUANTITY, "mean days")
            .partitionedBy("period")
            .build();

    public static final TableDefinition WIN_RATES = TableDefinition.builder("win_rates", Zone.MARTS,
                    "Per period and dimension value: deals won and lost in the period, win rates by count and amount,"
                            + " the average won deal and cycle, and the pipeline velocity.")
            .key("period", "dimension", "dimension_value")
            .required("period", STRING, "month the deals closed in, YYYY-MM")
            .required("dimension", STRING, "all, source, campaign, region, territory, industry, rep, team or"
                    + " customer_type")
            .required("dimension_value", STRING, "the value; '(none)' for deals without one, 'all' for all")
            .required("won", LONG, "deals won in the period")
            .required("lost", LONG, "deals lost in the period")
            .required("open_deals", LONG, "deals open at the period's end")
            .optional("win_rate", RATE, "won / (won + lost); empty when none closed")
            .optional("win_rate_amount", RATE, "won amount / (won + lost amount), CNY")
            .optional("avg_won_amount", MONEY, "won amount / won, CNY at the period's rate")
            .optional("avg_cycle_days", RATE, "mean days from creation to the win, of the deals won")
            .optional("pipeline_velocity", MONEY, "open deals × win rate × average won amount ÷ average cycle days,"
                    + " CNY a day")
            .partitionedBy("period")
            .build();

    private FunnelTables() {
    }
}
