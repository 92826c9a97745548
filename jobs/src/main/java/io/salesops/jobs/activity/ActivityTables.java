package io.salesops.jobs.activity;

import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.QUANTITY;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** The rep activity mart; its name and columns are what reports and analysts use. */
public final class ActivityTables {

    public static final TableDefinition REP_ACTIVITY = TableDefinition.builder("rep_activity", Zone.MARTS,
                    "Per period and rep: leads assigned and how fast they were answered, activities by type, deals"
                            + " advanced and won.")
            .key("period", "rep")
            .required("period", STRING, "YYYY-MM")
            .required("rep", STRING, "rep_id; every rep employed during the period, active or not")
            .required("leads_assigned", LONG, "leads created in the period the rep owns")
            .required("responded_leads", LONG, "of those, the ones whose first activity can be found: on the deal"
                    + " they were converted to or its account, at or after the lead came in, before the period's end")
            .optional("first_response_hours_median", QUANTITY, "median hours from the lead to that first activity")
            .optional("first_response_hours_p90", QUANTITY, "90th percentile, hours")
            .required("calls", LONG, "activities of the period by type, done by the rep")
            .required("visits", LONG, "visits")
            .required("emails", LONG, "emails")
            .required("meetings", LONG, "meetings")
            .required("samples_sent", LONG, "samples sent")
            .required("opportunities_advanced", LONG, "the rep's deals that moved to a later stage in the period"
                    + " (won included)")
            .required("won", LONG, "the rep's deals won in the period")
            .partitionedBy("period")
            .build();

    private ActivityTables() {
    }
}
