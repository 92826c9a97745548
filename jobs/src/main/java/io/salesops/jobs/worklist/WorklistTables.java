package io.salesops.jobs.worklist;

import static io.salesops.warehouse.model.ColumnType.DATE;
import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.QUANTITY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;
import static io.salesops.warehouse.model.ColumnType.TIMESTAMP;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** The managers' work lists of a period; their names and columns are what reports and analysts use. */
public final class WorklistTables {

    public static final TableDefinition FOLLOWUPS_DUE = TableDefinition.builder("followups_due", Zone.MARTS,
                    "Open deals and young open leads nobody has followed up for longer than their stage allows, as of"
                            + " the end of the period.")
            .key("period", "kind", "record_id")
            .required("period", STRING, "YYYY-MM")
            .required("kind", STRING, "deal or lead")
            .required("record_id", STRING, "opportunity_id or lead_id")
            .optional("name", STRING, "deal name, or the company typed on the lead")
            .optional("owner", STRING, "owner's rep_id")
            .required("stage", STRING, "the deal's stage or the lead's status then")
            .optional("last_activity_at", TIMESTAMP, "the deal's last activity before the period's end; empty when"
                    + " none (leads carry no activity link)")
            .required("days_since_activity", QUANTITY, "days from the last activity (else the creation) to the"
                    + " period's end")
            .required("threshold_days", LONG, "what the stage allows")
            .optional("amount", MONEY, "the deal's amount, CNY at the period's rate")
            .partitionedBy("period")
            .build();

    public static final TableDefinition CHURN_RISK = TableDefinition.builder("churn_risk", Zone.MARTS,
                    "Customers whose ordering stopped or dropped against their own history, as of the end of the"
                            + " period.")
            .key("period", "customer_id")
            .required("period", STRING, "YYYY-MM")
            .required("customer_id", STRING, "ERP customer")
            .optional("customer_name", STRING, "name")
            .optional("owner", STRING, "rep of the customer's last order")
            .optional("region", STRING, "region")
            .required("last_order_date", DATE, "last order before the period's end")
            .required("days_since_last_order", LONG, "to the period's last day")
            .optional("usual_interval_days", QUANTITY, "median days between the customer's order days over 24"
                    + " months; empty with fewer than three")
            .required("value_last_12m", MONEY, "orders of the 12 months to the period's end, CNY at each month's"
                    + " rate, tax included")
            .required("value_prior_12m", MONEY, "orders of the 12 months before those")
            .optional("value_change", RATE, "value_last_12m / value_prior_12m − 1; empty without prior orders")
            .required("reason", STRING, "stopped (more than twice the usual interval, at least 30 days), dropped"
                    + " (12-month value down 30 % or more) or stopped_and_dropped")
            .partitionedBy("period")
            .build();

    public static final TableDefinition RENEWALS_DUE = TableDefinition.builder("renewals_due", Zone.MARTS,
                    "Active contracts ending within 90 days of the end of the period.")
            .key("period", "contract_id")
            .required("period", STRING, "YYYY-MM")
            .required("contract_id", STRING, "contract")
            .required("account_id", STRING, "account")
            .optional("account_name", STRING, "name")
            .optional("owner", STRING, "the account owner's rep_id")
            .required("end_date", DATE, "supply end")
            .required("days_to_end", LONG, "from the period's last day")
            .optional("amount", MONEY, "contract value, CNY at the period's rate")
            .partitionedBy("period")
            .build();

    private WorklistTables() {
    }
}
