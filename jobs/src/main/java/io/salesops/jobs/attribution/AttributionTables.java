package io.salesops.jobs.attribution;

import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.QUANTITY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** The attribution mart; its name and columns are what reports and analysts use. */
public final class AttributionTables {

    public static final TableDefinition MARKETING_ATTRIBUTION = TableDefinition.builder("marketing_attribution",
                    Zone.MARTS, "Per period, campaign and attribution model: the period's cost, the leads, MQLs,"
                            + " opportunities and won deals credited to the campaign, and its return.")
            .key("period", "campaign_id", "model")
            .required("period", STRING, "YYYY-MM")
            .required("campaign_id", STRING, "campaign; '(none)' for what no campaign touched")
            .optional("campaign_name", STRING, "name")
            .required("channel", STRING, "the campaign's type: trade_show (展会), email, webinar, advertising, website;"
                    + " '(none)'")
            .required("model", STRING, "first_touch, last_touch, linear or time_decay (7-day half-life)")
            .required("cost", MONEY, "the campaign's cost falling in the period (actual, else budgeted, spread over its"
                    + " days), CNY at the period's rate")
            .required("leads", QUANTITY, "credit for the leads created in the period (a share of a lead under linear"
                    + " and time_decay)")
            .required("mqls", QUANTITY, "credit for the leads created in the period that reached MQL or later")
            .required("opportunities", QUANTITY, "credit for the opportunities created in the period")
            .required("won", QUANTITY, "credit for the deals won in the period")
            .required("won_amount", MONEY, "credit for their amount, CNY at the period's rate")
            .optional("cost_per_lead", MONEY, "cost / leads; empty without leads")
            .optional("cost_per_won", MONEY, "cost / won; empty without wins")
            .optional("roi", RATE, "(won_amount − cost) / cost; empty without cost")
            .partitionedBy("period")
            .build();

    private AttributionTables() {
    }
}
