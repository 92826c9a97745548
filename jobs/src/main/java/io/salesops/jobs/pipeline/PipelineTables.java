package io.salesops.jobs.pipeline;

import static io.salesops.warehouse.model.ColumnType.DATE;
import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** Marts of the pipeline computation; their names and columns are what reports and analysts use. */
public final class PipelineTables {

    public static final TableDefinition PIPELINE_DEALS = TableDefinition.builder("pipeline_deals", Zone.MARTS,
                    "Every deal open at the end of the period as it stood then: the snapshot the next period's"
                            + " movement starts from, so close-date slips can be seen.")
            .key("period", "opportunity_id")
            .required("period", STRING, "the month whose end the deal is as of, YYYY-MM")
            .required("opportunity_id", STRING, "opportunity")
            .required("stage", STRING, "open stage then; '(none)' for a deal exported without history before it closed")
            .required("forecast_category", STRING, "pipeline, best_case or commit")
            .optional("close_date", DATE, "expected close date as exported when the snapshot was taken")
            .optional("amount", MONEY, "amount then, in currency")
            .optional("currency", STRING, "currency of amount")
            .optional("probability", RATE, "the CRM's win probability then, 0..1")
            .required("region", STRING, "the account's region, else the owner's territory's; '(none)' if neither")
            .required("rep", STRING, "owner")
            .partitionedBy("period")
            .build();

    public static final TableDefinition PIPELINE_SNAPSHOT = TableDefinition.builder("pipeline_snapshot", Zone.MARTS,
                    "The open pipeline at the end of the period by stage, forecast category, close month, region"
                            + " and rep.")
            .key("period", "stage", "forecast_category", "close_month", "region", "rep")
            .required("period", STRING, "YYYY-MM")
            .required("as_of", DATE, "the period's last day: the pipeline as it stood at its end")
            .required("stage", STRING, "open stage")
            .required("forecast_category", STRING, "pipeline, best_case or commit")
            .required("close_month", STRING, "month of the expected close date, YYYY-MM; '(none)' when blank")
            .required("region", STRING, "region")
            .required("rep", STRING, "owner")
            .required("deals", LONG, "open deals")
            .required("amount", MONEY, "their amount, CNY at the period's rate")
            .required("weighted_amount", MONEY, "Σ amount × the CRM's probability (a deal without one adds 0)")
            .partitionedBy("period")
            .build();

    public static final TableDefinition PIPELINE_MOVEMENT = TableDefinition.builder("pipeline_movement", Zone.MARTS,
                    "How the open pipeline went from the start of the period to its end: start + new − won − lost"
                            + " − removed = end in deals; the same plus amount_change in amount.")
            .key("period", "movement")
            .required("period", STRING, "YYYY-MM")
            .required("movement", STRING, "start, new, won, lost, removed, amount_change, end; and, for deals open"
                    + " at both ends, advanced, regressed, slipped, pulled_in (these move nothing in or out)")
            .required("movement_order", LONG, "display order")
            .required("deals", LONG, "deals in the movement")
            .required("amount", MONEY, "their amount, CNY at the period's rate; amount_change is signed")
            .required("start_basis", STRING, "snapshot: the start is the previous period's pipeline_deals;"
                    + " history: rebuilt from stage history with today's close dates (slips cannot be seen)")
            .partitionedBy("period")
            .build();

    private PipelineTables() {
    }
}
