package io.salesops.ingest.sample;

import io.salesops.ingest.profile.KingdeeOrdersFormat;
import static io.salesops.warehouse.model.CanonicalTables.ACCOUNTS;
import static io.salesops.warehouse.model.CanonicalTables.ACTIVITIES;
import static io.salesops.warehouse.model.CanonicalTables.CAMPAIGNS;
import static io.salesops.warehouse.model.CanonicalTables.CAMPAIGN_TOUCHES;
import static io.salesops.warehouse.model.CanonicalTables.CONTACTS;
import static io.salesops.warehouse.model.CanonicalTables.CONTRACTS;
import static io.salesops.warehouse.model.CanonicalTables.CREDIT_NOTES;
import static io.salesops.warehouse.model.CanonicalTables.CUSTOMERS;
import static io.salesops.warehouse.model.CanonicalTables.FX_RATES;
import static io.salesops.warehouse.model.CanonicalTables.INVOICES;
import static io.salesops.warehouse.model.CanonicalTables.LEADS;
import static io.salesops.warehouse.model.CanonicalTables.OPPORTUNITIES;
import static io.salesops.warehouse.model.CanonicalTables.OPPORTUNITY_SPLITS;
import static io.salesops.warehouse.model.CanonicalTables.OPPORTUNITY_STAGE_HISTORY;
import static io.salesops.warehouse.model.CanonicalTables.ORDERS;
import static io.salesops.warehouse.model.CanonicalTables.ORDER_LINES;
import static io.salesops.warehouse.model.CanonicalTables.PAYMENTS;
import static io.salesops.warehouse.model.CanonicalTables.PRODUCTS;
import static io.salesops.warehouse.model.CanonicalTables.QUOTAS;
import static io.salesops.warehouse.model.CanonicalTables.QUOTES;
import static io.salesops.warehouse.model.CanonicalTables.REPS;
import static io.salesops.warehouse.model.CanonicalTables.TEAMS;
import static io.salesops.warehouse.model.CanonicalTables.TERRITORIES;

import io.salesops.warehouse.model.TableDefinition;
import java.util.List;

/** One exported file: where it goes, which table it holds, how it is spelled and what dirt it may get. */
record OutputFile(String path, TableDefinition table, RowLayout layout, DirtPolicy dirt) {

    private static OutputFile clean(String path, TableDefinition table) {
        return new OutputFile(path, table, RowLayout.CANONICAL, DirtPolicy.NONE);
    }

    private static OutputFile dirty(String path, TableDefinition table) {
        return new OutputFile(path, table, RowLayout.CANONICAL, DirtPolicy.ALL);
    }

    static final OutputFile TERRITORIES_CSV = clean("org/territories.csv", TERRITORIES);
    static final OutputFile TEAMS_CSV = clean("org/teams.csv", TEAMS);
    static final OutputFile REPS_CSV = clean("org/reps.csv", REPS);
    static final OutputFile QUOTAS_CSV = clean("org/quotas.csv", QUOTAS);
    static final OutputFile ACCOUNTS_CSV = clean("crm/accounts.csv", ACCOUNTS);
    static final OutputFile CONTACTS_CSV = clean("crm/contacts.csv", CONTACTS);
    static final OutputFile LEADS_CSV = dirty("crm/leads.csv", LEADS);
    static final OutputFile OPPORTUNITIES_CSV = dirty("crm/opportunities.csv", OPPORTUNITIES);
    static final OutputFile STAGE_HISTORY_CSV = clean("crm/opportunity_stage_history.csv", OPPORTUNITY_STAGE_HISTORY);
    static final OutputFile SPLITS_CSV = clean("crm/opportunity_splits.csv", OPPORTUNITY_SPLITS);
    static final OutputFile ACTIVITIES_CSV = dirty("crm/activities.csv", ACTIVITIES);
    static final OutputFile QUOTES_CSV = clean("crm/quotes.csv", QUOTES);
    static final OutputFile CONTRACTS_CSV = clean("crm/contracts.csv", CONTRACTS);
    static final OutputFile PRODUCTS_CSV = clean("erp/products.csv", PRODUCTS);
    static final OutputFile CUSTOMERS_CSV = clean("erp/customers.csv", CUSTOMERS);
    /** Statuses stay clean here: the ingest maps them from Chinese labels, not by normalising. */
    static final OutputFile SALES_ORDERS_CSV = new OutputFile("erp/sales_orders.csv", ORDERS,
            RowLayout.kingdee(KingdeeOrdersFormat.SALES_ORDERS), DirtPolicy.ALL.without(DirtKind.CATEGORY_TYPO));
    static final OutputFile ORDER_LINES_CSV = clean("erp/order_lines.csv", ORDER_LINES);
    static final OutputFile INVOICES_CSV = dirty("erp/invoices.csv", INVOICES);
    static final OutputFile PAYMENTS_CSV = clean("erp/payments.csv", PAYMENTS);
    static final OutputFile CREDIT_NOTES_CSV = clean("erp/credit_notes.csv", CREDIT_NOTES);
    static final OutputFile FX_RATES_CSV = clean("erp/fx_rates.csv", FX_RATES);
    static final OutputFile CAMPAIGNS_CSV = clean("marketing/campaigns.csv", CAMPAIGNS);
    static final OutputFile CAMPAIGN_TOUCHES_CSV = clean("marketing/campaign_touches.csv", CAMPAIGN_TOUCHES);

    /** Manifest order. */
    static final List<OutputFile> ALL = List.of(TERRITORIES_CSV, TEAMS_CSV, REPS_CSV, QUOTAS_CSV,
            ACCOUNTS_CSV, CONTACTS_CSV, LEADS_CSV, OPPORTUNITIES_CSV, STAGE_HISTORY_CSV, SPLITS_CSV, ACTIVITIES_CSV,
            QUOTES_CSV, CONTRACTS_CSV, PRODUCTS_CSV, CUSTOMERS_CSV, SALES_ORDERS_CSV, ORDER_LINES_CSV, INVOICES_CSV,
            PAYMENTS_CSV, CREDIT_NOTES_CSV, FX_RATES_CSV, CAMPAIGNS_CSV, CAMPAIGN_TOUCHES_CSV);

    OutputFile {
        if (layout.header(table).size() != table.columns().size()) {
            throw new IllegalArgumentException("a layout must give one header per column of " + table.name()
                    + ", cannot be: " + layout.header(table));
        }
    }
}
