package io.salesops.jobs.commission;

import static io.salesops.warehouse.model.ColumnType.DATE;
import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;
import static io.salesops.warehouse.model.ColumnType.TIMESTAMP;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;
import java.util.List;

/**
 * The marts of the month-end commission job. Credits, lines and statements are partitioned by
 * period: recalculating a period replaces its partition and leaves the others. Runs are
 * partitioned by run, so every run's record stays.
 */
public final class CommissionTables {

    public static final TableDefinition COMMISSION_CREDITS = TableDefinition.builder("commission_credits", Zone.MARTS,
                    "Who was credited for what in a period: one row per rep × commissionable event (order line,"
                            + " invoice, payment or clawback), with the source row's table, key and version.")
            .key("period", "rep_id", "basis", "transaction_id", "credit_role")
            .required("period", STRING, "month, YYYY-MM")
            .required("run_id", STRING, "the run that produced the row")
            .required("rep_id", STRING, "rep credited")
            .required("credit_role", STRING, "owner, split or overlay")
            .required("share", RATE, "share of the event credited to the rep (a split's percentage / 100)")
            .optional("split_opportunity_id", STRING, "the CRM opportunity whose splits applied")
            .optional("campaign_id", STRING, "the campaign the sale is attributed to: that of the deal behind the"
                    + " order's contract; worked out only in periods where a plan pays a SPIF on a campaign")
            .optional("campaign_touches", STRING, "campaigns that touched the customer's account before the order,"
                    + " as campaign:days-before-the-order:touch-type joined by ';' (the latest of each kind, within"
                    + " the longest lookback asked for); worked out only in periods where a plan pays a SPIF on"
                    + " campaign touches")
            .optional("manager_id", STRING, "the rep's manager on the event date")
            .required("basis", STRING, "booking, invoice or cash: the plans this credit counts for")
            .optional("reason_code", STRING, "set on a clawback, e.g. CREDIT_NOTE_RETURN, UNPAID_AFTER_180_DAYS")
            .required("transaction_id", STRING, "source key, then order#line when spread over order lines")
            .required("source_table", STRING, "warehouse table of the source row")
            .required("source_key", STRING, "natural key of the source row")
            .required("source_version", LONG, "warehouse version of the source table that was read")
            .required("event_date", DATE, "date the event earns or reverses commission")
            .optional("order_id", STRING, "order")
            .optional("line_no", LONG, "order line")
            .optional("invoice_id", STRING, "invoice")
            .optional("customer_id", STRING, "customer")
            .optional("product_id", STRING, "product")
            .optional("category", STRING, "product category")
            .required("amount", RATE, "event amount (tax excluded) in the event's currency, before the share;"
                    + " 6 decimals: pro-rata parts are rounded only by the plan")
            .required("currency", STRING, "currency of amount")
            .required("new_customer", io.salesops.warehouse.model.ColumnType.BOOLEAN,
                    "the order is the customer's first")
            .optional("excluded_reason", STRING, "why the credit pays nothing, e.g. AFTER_TERMINATION; empty when"
                    + " it counts")
            .partitionedBy("period")
            .build();

    public static final TableDefinition COMMISSION_LINES = TableDefinition.builder("commission_lines", Zone.MARTS,
                    "What each plan component paid each rep for each source transaction, with the rule that"
                            + " computed it.")
            .key("period", "rep_id", "component", "transaction_id", "tier", "line_no")
            .required("period", STRING, "month, YYYY-MM")
            .required("run_id", STRING, "the run that produced the row")
            .required("rep_id", STRING, "rep paid")
            .required("line_no", LONG, "position among the rep's lines of the period")
            .required("plan_id", STRING, "plan")
            .required("plan_version", LONG, "plan version")
            .required("component", STRING, "plan component id")
            .required("transaction_id", STRING, "source transaction; empty only when nothing was credited")
            .optional("source_table", STRING, "warehouse table of the source row")
            .optional("source_key", STRING, "natural key of the source row")
            .optional("credit_role", STRING, "owner, split or overlay; the team member's role for an override")
            .optional("reason_code", STRING, "clawback reason, empty for earnings")
            .required("tier", LONG, "tier or band number, 0 when none")
            .required("base", RATE, "amount the rate applied to (quantity for volume)")
            .optional("rate", RATE, "rate applied; empty for fixed amounts and caps")
            .required("amount", MONEY, "payout, rounded by the plan")
            .required("currency", STRING, "plan currency")
            .required("explanation", STRING, "how the amount was computed")
            .partitionedBy("period")
            .build();

    public static final TableDefinition COMMISSION_STATEMENTS = TableDefinition.builder("commission_statements",
                    Zone.MARTS, "Each rep's commission for a period: credited amount, quota, attainment, earnings"
                            + " by component, adjustments and what is payable.")
            .key("period", "rep_id")
            .required("period", STRING, "month, YYYY-MM")
            .required("run_id", STRING, "the run that produced the row")
            .required("rep_id", STRING, "rep")
            .pii("rep_name", true, "rep's name")
            .required("plan_id", STRING, "plan")
            .required("plan_version", LONG, "plan version")
            .required("currency", STRING, "plan currency")
            .required("credited_amount", MONEY, "credits of the plan's basis in the plan currency")
            .optional("quota", MONEY, "quota of the period in the plan currency")
            .optional("attainment", RATE, "credited / quota")
            .required("earned", MONEY, "sum of the rep's lines")
            .required("earned_by_component", STRING, "component=amount pairs in plan order")
            .required("adjustments", MONEY, "adjustments posted to this period")
            .required("payable", MONEY, "earned + adjustments")
            .optional("draw_balance", MONEY, "what the rep owes on a recoverable draw at the period's end; empty"
                    + " without a draw")
            .optional("draw_forgiven", MONEY, "what a recoverable draw with at_termination: forgive wrote off in"
                    + " this period because the rep left (0.00 when nothing was); empty without a draw")
            .required("line_count", LONG, "lines behind the statement")
            .partitionedBy("period")
            .build();

    public static final TableDefinition COMMISSION_RUNS = TableDefinition.builder("commission_runs", Zone.MARTS,
                    "Every commission run: what it read, what it produced and the hash of its result.")
            .key("run_id")
            .required("run_id", STRING, "run id (the job instance)")
            .required("period", STRING, "month, YYYY-MM")
            .required("job_execution_id", LONG, "Spring Batch execution that finished the run")
            .required("finished_at", TIMESTAMP, "when the run's results were published, UTC")
            .required("input_versions", STRING, "table=version of every warehouse table read")
            .required("plan_versions", STRING, "plan id vN of every plan that paid someone")
            .required("setup_hash", STRING, "SHA-256 of the plan files, assignments and reporting lines")
            .required("code_version", STRING, "SalesOps version that calculated")
            .required("result_hash", STRING, "SHA-256 of the period's lines and statements, run id excluded")
            .required("rep_count", LONG, "statements")
            .required("line_count", LONG, "lines")
            .required("total_payable", MONEY, "sum of payable over the statements")
            .required("currency", STRING, "currency of total_payable when all plans share one, else MIXED")
            .partitionedBy("run_id")
            .build();

    public static final TableDefinition COMMISSION_ADJUSTMENTS = TableDefinition.builder("commission_adjustments",
                    Zone.MARTS, "Adjustments paid in a period: corrections of closed periods (reversal of what was"
                            + " booked and rebook of the recalculation) and manual adjustments, each with its reason"
                            + " and origin period.")
            .key("period", "rep_id", "kind", "component", "transaction_id", "origin_period", "adjustment_no")
            .required("period", STRING, "month the adjustment is paid in, YYYY-MM")
            .required("run_id", STRING, "the run that produced the row")
            .required("rep_id", STRING, "rep")
            .required("adjustment_no", LONG, "position among the rep's adjustments of the period")
            .required("kind", STRING, "reversal, rebook or manual")
            .required("plan_id", STRING, "plan of the corrected line; manual for a manual adjustment")
            .required("plan_version", LONG, "plan version; 0 for a manual adjustment")
            .required("component", STRING, "component corrected; manual for a manual adjustment")
            .required("transaction_id", STRING, "source transaction corrected; the adjustment id when manual")
            .required("origin_period", STRING, "closed period corrected, or the period itself when manual")
            .required("amount", MONEY, "signed amount paid in this period")
            .required("currency", STRING, "currency of amount")
            .required("reason", STRING, "why: what changed since the origin period closed, or the manual reason")
            .optional("approved_by", STRING, "who approved a manual adjustment")
            .partitionedBy("period")
            .build();

    public static final TableDefinition COMMISSION_LEDGER = TableDefinition.builder("commission_ledger", Zone.MARTS,
                    "The insert-only ledger of closed periods: every line and adjustment as paid when its period"
                            + " closed. A closed period's partition is written once, when it closes.")
            .key("period", "rep_id", "entry_kind", "component", "transaction_id", "origin_period", "entry_no")
            .required("period", STRING, "month the entry was paid in (the closed period)")
            .required("entry_no", LONG, "position among the rep's entries of the period")
            .required("origin_period", STRING, "month the entry belongs to: the period, or the one it corrects")
            .required("entry_kind", STRING, "earned, reversal, rebook or manual")
            .required("run_id", STRING, "the approved run that was closed")
            .required("rep_id", STRING, "rep")
            .required("plan_id", STRING, "plan")
            .required("plan_version", LONG, "plan version")
            .required("component", STRING, "component")
            .required("transaction_id", STRING, "source transaction")
            .required("amount", MONEY, "signed amount")
            .required("currency", STRING, "currency of amount")
            .required("explanation", STRING, "the line's explanation or the adjustment's reason")
            .partitionedBy("period")
            .build();

    public static final List<TableDefinition> ALL = List.of(COMMISSION_CREDITS, COMMISSION_LINES,
            COMMISSION_STATEMENTS, COMMISSION_ADJUSTMENTS, COMMISSION_RUNS);

    /** Every commission mart, the ledger included (published by closing, not by the job). */
    public static final List<TableDefinition> WITH_LEDGER = List.of(COMMISSION_CREDITS, COMMISSION_LINES,
            COMMISSION_STATEMENTS, COMMISSION_ADJUSTMENTS, COMMISSION_RUNS, COMMISSION_LEDGER);

    private CommissionTables() {
    }
}
