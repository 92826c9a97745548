package io.salesops.warehouse.model;

import static io.salesops.warehouse.model.ColumnType.BOOLEAN;
import static io.salesops.warehouse.model.ColumnType.DATE;
import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.QUANTITY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;
import static io.salesops.warehouse.model.ColumnType.TIMESTAMP;
import static io.salesops.warehouse.model.Vocabulary.CURRENCIES;
import static io.salesops.warehouse.model.Vocabulary.FORECAST_CATEGORIES;
import static io.salesops.warehouse.model.Vocabulary.INDUSTRIES;
import static io.salesops.warehouse.model.Vocabulary.LEAD_SOURCES;
import static io.salesops.warehouse.model.Vocabulary.OPPORTUNITY_STAGES;
import static io.salesops.warehouse.model.Vocabulary.PRODUCT_CATEGORIES;
import static io.salesops.warehouse.model.Vocabulary.REGIONS;
import static io.salesops.warehouse.model.Vocabulary.UNITS;

import java.util.List;

/**
 * The curated (canonical) tables: CRM, ERP, marketing and sales organisation. Names are snake_case
 * plurals; natural keys are named {@code <entity>_id}. Money columns always travel with a currency
 * column. This class is the data dictionary; warehouse/README.md is its printed form.
 *
 * <p>A column holding another table's natural key says so with {@code references}, and ingest can
 * check it. Not declared on purpose: the {@code owner_rep_id} columns, where the Salesforce and
 * HubSpot profiles load the vendor's owner ids as exported, and {@code accounts.customer_id}, a
 * copy typed into the CRM of the link {@code customers.account_id} already declares.
 */
public final class CanonicalTables {

    private static TableDefinition.Builder curated(String name, String description) {
        return TableDefinition.builder(name, Zone.CURATED, description);
    }

    // --- sales organisation -------------------------------------------------------------------

    public static final TableDefinition TERRITORIES = curated("territories",
            "Sales territories: geographic (a region) or an industry overlay inside a region.")
            .key("territory_id")
            .required("territory_id", STRING, "territory code")
            .required("territory_name", STRING, "display name, usually Chinese")
            .oneOf("region", true, REGIONS, "sales region")
            .oneOf("industry", false, INDUSTRIES, "set for industry overlay territories")
            .oneOf("territory_type", true, List.of("geographic", "industry"), "geographic or industry overlay")
            .build();

    public static final TableDefinition TEAMS = curated("teams", "Sales teams and their managers.")
            .key("team_id")
            .required("team_id", STRING, "team code")
            .required("team_name", STRING, "display name")
            .optional("manager_id", STRING, "rep_id of the team manager")
            .oneOf("region", false, REGIONS, "home region of the team")
            .references("manager_id", "reps")
            .build();

    public static final TableDefinition REPS = curated("reps", "Sales representatives and managers.")
            .key("rep_id")
            .required("rep_id", STRING, "employee code, also the ERP salesperson code")
            .pii("rep_name", true, "name, usually Chinese")
            .pii("rep_name_en", false, "romanised name")
            .pii("email", false, "work email")
            .oneOf("role", true, List.of("rep", "manager", "director"), "role in the sales organisation")
            .optional("manager_id", STRING, "rep_id of the direct manager")
            .optional("team_id", STRING, "team")
            .optional("territory_id", STRING, "home territory")
            .required("hire_date", DATE, "first working day")
            .optional("termination_date", DATE, "last working day, empty while employed")
            .references("manager_id", "reps")
            .references("team_id", "teams")
            .references("territory_id", "territories")
            .build();

    public static final TableDefinition QUOTAS = curated("quotas", "Monthly revenue quota per rep.")
            .key("rep_id", "period")
            .required("rep_id", STRING, "rep")
            .required("period", STRING, "month, YYYY-MM")
            .required("quota_amount", MONEY, "net revenue target")
            .oneOf("currency", true, CURRENCIES, "currency of quota_amount")
            .references("rep_id", "reps")
            .build();

    // --- CRM -----------------------------------------------------------------------------------

    public static final TableDefinition ACCOUNTS = curated("accounts", "CRM accounts (companies we sell to).")
            .key("account_id")
            .required("account_id", STRING, "CRM account id")
            .required("account_name", STRING, "company name, usually Chinese")
            .optional("account_name_en", STRING, "English company name")
            .oneOf("industry", false, INDUSTRIES, "customer industry")
            .oneOf("region", false, REGIONS, "sales region")
            .optional("province", STRING, "province")
            .optional("city", STRING, "city")
            .optional("owner_rep_id", STRING, "account owner")
            .optional("customer_id", STRING, "ERP customer code once the account has bought")
            .required("created_at", TIMESTAMP, "creation instant, UTC")
            .build();

    public static final TableDefinition CONTACTS = curated("contacts", "People at accounts.")
            .key("contact_id")
            .required("contact_id", STRING, "CRM contact id")
            .required("account_id", STRING, "account")
            .pii("contact_name", true, "person's name")
            .optional("title", STRING, "job title")
            .pii("phone", false, "phone number")
            .pii("email", false, "email address")
            .required("created_at", TIMESTAMP, "creation instant, UTC")
            .references("account_id", "accounts")
            .build();

    public static final TableDefinition LEADS = curated("leads", "Marketing and sales leads.")
            .key("lead_id")
            .required("lead_id", STRING, "CRM lead id")
            .pii("lead_name", false, "person's name")
            .optional("company_name", STRING, "company as typed on the lead")
            .oneOf("source", true, LEAD_SOURCES, "where the lead came from")
            .oneOf("status", true, List.of("new", "contacted", "mql", "sql", "converted", "disqualified"),
                    "funnel status")
            .oneOf("industry", false, INDUSTRIES, "industry")
            .oneOf("region", false, REGIONS, "region")
            .optional("owner_rep_id", STRING, "owner")
            .optional("campaign_id", STRING, "originating campaign")
            .required("created_at", TIMESTAMP, "creation instant, UTC")
            .optional("converted_at", TIMESTAMP, "conversion instant, UTC")
            .optional("converted_opportunity_id", STRING, "opportunity created on conversion")
            .references("campaign_id", "campaigns")
            .references("converted_opportunity_id", "opportunities")
            .build();

    public static final TableDefinition OPPORTUNITIES = curated("opportunities", "CRM deals.")
            .key("opportunity_id")
            .required("opportunity_id", STRING, "CRM opportunity id")
            .optional("account_id", STRING, "account; early-stage deals may have none")
            .required("opportunity_name", STRING, "deal name")
            .oneOf("stage", true, OPPORTUNITY_STAGES, "current stage")
            .optional("amount", MONEY, "expected deal value")
            .oneOf("currency", true, CURRENCIES, "currency of amount")
            .optional("probability", RATE, "win probability, 0..1")
            .optional("close_date", DATE, "expected or actual close date; blank on some open deals")
            .required("owner_rep_id", STRING, "owner")
            .oneOf("lead_source", false, LEAD_SOURCES, "source of the originating lead")
            .optional("campaign_id", STRING, "primary campaign")
            .oneOf("forecast_category", false, FORECAST_CATEGORIES, "forecast category")
            .required("is_closed", BOOLEAN, "closed won or lost")
            .required("is_won", BOOLEAN, "closed won")
            .required("created_at", TIMESTAMP, "creation instant, UTC")
            .references("account_id", "accounts")
            .references("campaign_id", "campaigns")
            .build();

    public static final TableDefinition OPPORTUNITY_STAGE_HISTORY = curated("opportunity_stage_history",
            "Every stage change of every opportunity.")
            .key("opportunity_id", "changed_at")
            .required("opportunity_id", STRING, "opportunity")
            .oneOf("stage", true, OPPORTUNITY_STAGES, "stage entered")
            .required("changed_at", TIMESTAMP, "instant of the change, UTC")
            .optional("amount", MONEY, "amount at the change")
            .optional("probability", RATE, "probability at the change")
            .references("opportunity_id", "opportunities")
            .build();

    public static final TableDefinition OPPORTUNITY_SPLITS = curated("opportunity_splits",
            "Revenue credit splits between reps on an opportunity.")
            .key("opportunity_id", "rep_id")
            .required("opportunity_id", STRING, "opportunity")
            .required("rep_id", STRING, "credited rep")
            .required("split_percent", RATE, "share in percent, 0..100; an opportunity's splits sum to 100")
            .references("opportunity_id", "opportunities")
            .references("rep_id", "reps")
            .build();

    public static final TableDefinition ACTIVITIES = curated("activities", "Calls, visits, emails and meetings.")
            .key("activity_id")
            .required("activity_id", STRING, "CRM activity id")
            .oneOf("activity_type", true, List.of("call", "visit", "email", "meeting", "sample_sent"), "kind")
            .optional("subject", STRING, "subject line")
            .optional("account_id", STRING, "account")
            .optional("opportunity_id", STRING, "opportunity")
            .required("rep_id", STRING, "rep who did it")
            .required("occurred_at", TIMESTAMP, "instant, UTC")
            .optional("duration_minutes", LONG, "duration")
            .references("account_id", "accounts")
            .references("opportunity_id", "opportunities")
            .references("rep_id", "reps")
            .build();

    public static final TableDefinition QUOTES = curated("quotes", "Price quotes sent to accounts.")
            .key("quote_id")
            .required("quote_id", STRING, "quote number")
            .optional("opportunity_id", STRING, "opportunity")
            .required("account_id", STRING, "account")
            .required("quote_date", DATE, "date sent")
            .optional("valid_until", DATE, "expiry")
            .required("amount", MONEY, "quoted total")
            .oneOf("currency", true, CURRENCIES, "currency of amount")
            .oneOf("status", true, List.of("draft", "sent", "accepted", "rejected", "expired"), "status")
            .references("opportunity_id", "opportunities")
            .references("account_id", "accounts")
            .build();

    public static final TableDefinition CONTRACTS = curated("contracts", "Signed supply contracts.")
            .key("contract_id")
            .required("contract_id", STRING, "contract number")
            .required("account_id", STRING, "account")
            .optional("opportunity_id", STRING, "won opportunity")
            .required("signed_date", DATE, "signature date")
            .optional("start_date", DATE, "supply start")
            .optional("end_date", DATE, "supply end")
            .required("amount", MONEY, "contract value")
            .oneOf("currency", true, CURRENCIES, "currency of amount")
            .oneOf("status", true, List.of("active", "expired", "terminated"), "status")
            .references("account_id", "accounts")
            .references("opportunity_id", "opportunities")
            .build();

    // --- ERP -----------------------------------------------------------------------------------

    public static final TableDefinition PRODUCTS = curated("products", "Materials sold (ERP item master).")
            .key("product_id")
            .required("product_id", STRING, "material code")
            .required("product_name", STRING, "material name, usually Chinese")
            .optional("product_name_en", STRING, "English name")
            .oneOf("category", true, PRODUCT_CATEGORIES, "product category")
            .oneOf("unit", true, UNITS, "unit of measure")
            .required("list_price", MONEY, "list price per unit, tax excluded")
            .optional("unit_cost", MONEY, "standard cost per unit")
            .oneOf("currency", true, CURRENCIES, "currency of prices")
            .build();

    public static final TableDefinition CUSTOMERS = curated("customers", "ERP customer master.")
            .key("customer_id")
            .required("customer_id", STRING, "ERP customer code")
            .required("customer_name", STRING, "legal name, usually Chinese")
            .optional("account_id", STRING, "matching CRM account")
            .oneOf("region", false, REGIONS, "region")
            .optional("province", STRING, "province")
            .optional("credit_days", LONG, "payment terms in days")
            .required("created_date", DATE, "creation date")
            .references("account_id", "accounts")
            .build();

    public static final TableDefinition ORDERS = curated("orders", "ERP sales orders (header).")
            .key("order_id")
            .required("order_id", STRING, "order number")
            .required("order_date", DATE, "order date")
            .required("customer_id", STRING, "customer")
            .required("rep_id", STRING, "salesperson")
            .oneOf("currency", true, CURRENCIES, "order currency")
            .optional("fx_rate", RATE, "rate to CNY on the order")
            .optional("tax_rate", RATE, "VAT rate, e.g. 0.13")
            .required("total_amount", MONEY, "total including tax")
            .oneOf("status", true, List.of("open", "shipped", "closed", "cancelled"), "order status")
            .references("customer_id", "customers")
            .references("rep_id", "reps")
            .build();

    public static final TableDefinition ORDER_LINES = curated("order_lines", "ERP sales order lines.")
            .key("order_id", "line_no")
            .required("order_id", STRING, "order")
            .required("line_no", LONG, "line number within the order")
            .required("product_id", STRING, "material")
            .required("quantity", QUANTITY, "quantity in unit")
            .oneOf("unit", true, UNITS, "unit of measure")
            .required("unit_price", MONEY, "price per unit, tax excluded")
            .required("net_amount", MONEY, "quantity x unit_price")
            .required("tax_amount", MONEY, "VAT")
            .references("order_id", "orders")
            .references("product_id", "products")
            .build();

    public static final TableDefinition INVOICES = curated("invoices", "ERP sales invoices.")
            .key("invoice_id")
            .required("invoice_id", STRING, "invoice number")
            .optional("order_id", STRING, "order invoiced")
            .required("customer_id", STRING, "customer")
            .required("rep_id", STRING, "salesperson credited")
            .required("invoice_date", DATE, "invoice date")
            .optional("due_date", DATE, "payment due")
            .required("net_amount", MONEY, "amount excluding tax")
            .required("tax_amount", MONEY, "VAT")
            .oneOf("currency", true, CURRENCIES, "invoice currency")
            .references("order_id", "orders")
            .references("customer_id", "customers")
            .references("rep_id", "reps")
            .build();

    public static final TableDefinition PAYMENTS = curated("payments", "Customer payments received.")
            .key("payment_id")
            .required("payment_id", STRING, "receipt number")
            .required("invoice_id", STRING, "invoice paid")
            .optional("customer_id", STRING, "customer")
            .required("payment_date", DATE, "date received")
            .required("amount", MONEY, "amount received, tax included")
            .oneOf("currency", true, CURRENCIES, "currency")
            .oneOf("method", false, List.of("bank_transfer", "acceptance_bill", "cash"),
                    "bank transfer, bank acceptance bill (承兑汇票) or cash")
            .references("invoice_id", "invoices")
            .references("customer_id", "customers")
            .build();

    public static final TableDefinition CREDIT_NOTES = curated("credit_notes", "Credit notes and returns.")
            .key("credit_note_id")
            .required("credit_note_id", STRING, "credit note number")
            .optional("invoice_id", STRING, "invoice credited")
            .required("customer_id", STRING, "customer")
            .required("issue_date", DATE, "issue date")
            .required("net_amount", MONEY, "credited amount excluding tax, positive")
            .required("tax_amount", MONEY, "credited VAT, positive")
            .oneOf("currency", true, CURRENCIES, "currency")
            .oneOf("reason", true, List.of("return", "price_adjustment", "quality"), "reason")
            .references("invoice_id", "invoices")
            .references("customer_id", "customers")
            .build();

    public static final TableDefinition FX_RATES = curated("fx_rates", "Monthly exchange rates to CNY.")
            .key("currency", "rate_date")
            .oneOf("currency", true, CURRENCIES, "currency converted")
            .required("rate_date", DATE, "first day the rate applies")
            .required("rate_to_cny", RATE, "CNY per one unit of currency")
            .build();

    // --- marketing -----------------------------------------------------------------------------

    public static final TableDefinition CAMPAIGNS = curated("campaigns", "Marketing campaigns and their costs.")
            .key("campaign_id")
            .required("campaign_id", STRING, "campaign id")
            .required("campaign_name", STRING, "name")
            .oneOf("campaign_type", true, List.of("trade_show", "email", "webinar", "advertising", "website"), "type")
            .oneOf("status", true, List.of("planned", "active", "completed"), "status")
            .required("start_date", DATE, "start")
            .optional("end_date", DATE, "end")
            .optional("budgeted_cost", MONEY, "budget")
            .optional("actual_cost", MONEY, "actual spend")
            .oneOf("currency", true, CURRENCIES, "currency of costs")
            .build();

    public static final TableDefinition CAMPAIGN_TOUCHES = curated("campaign_touches",
            "Interactions of leads and contacts with campaigns.")
            .key("touch_id")
            .required("touch_id", STRING, "touch id")
            .required("campaign_id", STRING, "campaign")
            .optional("lead_id", STRING, "lead touched")
            .optional("contact_id", STRING, "contact touched")
            .optional("account_id", STRING, "account of the contact")
            .oneOf("touch_type", true, List.of("attended", "opened", "clicked", "responded", "visited"), "kind")
            .required("touched_at", TIMESTAMP, "instant, UTC")
            .references("campaign_id", "campaigns")
            .references("lead_id", "leads")
            .references("contact_id", "contacts")
            .references("account_id", "accounts")
            .build();

    public static final List<TableDefinition> ALL = List.of(
            TERRITORIES, TEAMS, REPS, QUOTAS,
            ACCOUNTS, CONTACTS, LEADS, OPPORTUNITIES, OPPORTUNITY_STAGE_HISTORY, OPPORTUNITY_SPLITS, ACTIVITIES,
            QUOTES, CONTRACTS,
            PRODUCTS, CUSTOMERS, ORDERS, ORDER_LINES, INVOICES, PAYMENTS, CREDIT_NOTES, FX_RATES,
            CAMPAIGNS, CAMPAIGN_TOUCHES);

    /** The canonical table of that name; references name their parent tables this way. */
    public static TableDefinition named(String name) {
        return ALL.stream().filter(table -> table.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no canonical table is named " + name
                        + "; the canonical tables are " + ALL.stream().map(TableDefinition::name).toList()));
    }

    private CanonicalTables() {
    }
}
