package io.salesops.ingest.profile;

import static io.salesops.ingest.profile.ProfileBuilder.pairs;
import static io.salesops.ingest.profile.ProfileBuilder.profile;

import io.salesops.warehouse.model.CanonicalTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce-style exports, one CSV per object as Data Loader or a Bulk API query writes them: API
 * field names as headers, datetimes ISO-8601 in UTC ({@code 2025-03-04T08:15:00.000Z}), dates
 * {@code 2025-03-31}, booleans {@code true/false}, UTF-8.
 *
 * <p>Record, account, campaign and owner ids land as Salesforce wrote them (18-character ids);
 * which Salesforce user is which rep code is org data no profile can know, so relating them is
 * left to the warehouse. Picklists are mapped onto the canonical vocabularies below; a value of a
 * custom picklist that already names a canonical value ("Coatings", "Best Case") needs no entry,
 * because categories are compared case- and separator-insensitively.
 */
public final class SalesforceProfiles {

    /**
     * The standard sales process by milestone, which also keeps the canonical probabilities
     * (0.1 / 0.2 / 0.5 / 0.75) close to Salesforce's defaults (10 to 90 %): qualification until the
     * need is confirmed (Needs Analysis, 20 %); proposal from the moment the solution is presented
     * to the buyer (Value Proposition, 50 %) until the price quote; negotiation once terms are
     * reviewed (90 %).
     */
    static final Map<String, String> STAGES = pairs(
            "Prospecting", "prospecting",
            "Qualification", "qualification",
            "Needs Analysis", "qualification",
            "Value Proposition", "proposal",
            "Id. Decision Makers", "proposal",
            "Perception Analysis", "proposal",
            "Proposal/Price Quote", "proposal",
            "Negotiation/Review", "negotiation",
            "Closed Won", "closed_won",
            "Closed Lost", "closed_lost");

    /** The standard LeadSource picklist; seminars are events like trade shows, bought lists are cold-called. */
    static final Map<String, String> LEAD_SOURCES = pairs(
            "Web", "website",
            "Trade Show", "trade_show",
            "Seminar - Internal", "trade_show",
            "Seminar - Partner", "trade_show",
            "Partner Referral", "referral",
            "Employee Referral", "referral",
            "External Referral", "referral",
            "Partner", "referral",
            "Word of mouth", "referral",
            "Purchased List", "cold_call",
            "Email", "email_campaign");

    /**
     * Standard LeadSource values with no honest canonical equivalent. An opportunity keeps them as
     * a blank (its lead_source is optional, and losing a deal over it would be worse); a lead,
     * whose source is required, is quarantined with the allowed values named, so the org decides
     * with a YAML mapping instead of a guess here.
     */
    private static final List<String> SOURCES_WITHOUT_EQUIVALENT = List.of("Phone Inquiry", "Advertisement",
            "Public Relations", "Other");

    /**
     * The standard Industry picklist against the customer industries of a chemicals supplier.
     * Construction and Electronics match by name. The rest of the standard list has no canonical
     * industry and becomes blank, since industry is optional and no row should be lost over it.
     */
    static final Map<String, String> INDUSTRIES = withBlanks(pairs(
            "Agriculture", "agrochemicals",
            "Apparel", "textiles",
            "Biotechnology", "pharmaceuticals",
            "Healthcare", "pharmaceuticals",
            "Environmental", "water_treatment"),
            List.of("Banking", "Chemicals", "Communications", "Consulting", "Education", "Energy", "Engineering",
                    "Entertainment", "Finance", "Food & Beverage", "Government", "Hospitality", "Insurance",
                    "Machinery", "Manufacturing", "Media", "Not For Profit", "Other", "Recreation", "Retail",
                    "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities"));

    /** The default lead process; statuses named like the canonical ones (New, MQL, SQL) match by name. */
    static final Map<String, String> LEAD_STATUSES = pairs(
            "Open - Not Contacted", "new",
            "Working - Contacted", "contacted",
            "Closed - Converted", "converted",
            "Closed - Not Converted", "disqualified");

    /**
     * Salesforce keeps the family name in LastName (the one required name field, where Chinese users
     * often type the whole name); family name first is also how the Chinese locale shows names.
     * Blank parts are stripped away with the surrounding space.
     */
    private static final String PERSON_NAME = "{LastName} {FirstName}";

    /**
     * Opportunity → opportunities. Probability is written in percent (75) and read as 0.75. Orgs
     * without multi-currency have no CurrencyIsoCode column: currency then defaults to CNY, the
     * reporting currency of the Chinese suppliers SalesOps serves. ForecastCategoryName values match
     * the canonical categories by name.
     */
    public static final SourceProfile OPPORTUNITIES = profile("salesforce-opportunities",
            CanonicalTables.OPPORTUNITIES)
            .column("opportunity_id", "Id")
            .column("account_id", "AccountId")
            .column("opportunity_name", "Name")
            .column("stage", "StageName").values("stage", STAGES)
            .column("amount", "Amount")
            .column("currency", "CurrencyIsoCode").orElse("currency", "CNY")
            .template("probability", "{Probability}%")
            .column("close_date", "CloseDate")
            .column("owner_rep_id", "OwnerId")
            .column("lead_source", "LeadSource").values("lead_source", withBlanks(LEAD_SOURCES,
                    SOURCES_WITHOUT_EQUIVALENT))
            .column("campaign_id", "CampaignId")
            .column("forecast_category", "ForecastCategoryName")
            .column("is_closed", "IsClosed")
            .column("is_won", "IsWon")
            .column("created_at", "CreatedDate")
            .build();

    /** Lead → leads. ConvertedDate is a date and lands as midnight of that day in salesops.time-zone. */
    public static final SourceProfile LEADS = profile("salesforce-leads", CanonicalTables.LEADS)
            .column("lead_id", "Id")
            .template("lead_name", PERSON_NAME)
            .column("company_name", "Company")
            .column("source", "LeadSource").values("source", LEAD_SOURCES)
            .column("status", "Status").values("status", LEAD_STATUSES)
            .column("industry", "Industry").values("industry", INDUSTRIES)
            .column("owner_rep_id", "OwnerId")
            .column("created_at", "CreatedDate")
            .column("converted_at", "ConvertedDate")
            .column("converted_opportunity_id", "ConvertedOpportunityId")
            .build();

    /**
     * Account → accounts. AccountNumber is where orgs keep the ERP customer code, so it becomes
     * customer_id; the billing state and city become province and city.
     */
    public static final SourceProfile ACCOUNTS = profile("salesforce-accounts", CanonicalTables.ACCOUNTS)
            .column("account_id", "Id")
            .column("account_name", "Name")
            .column("industry", "Industry").values("industry", INDUSTRIES)
            .column("province", "BillingState")
            .column("city", "BillingCity")
            .column("owner_rep_id", "OwnerId")
            .column("customer_id", "AccountNumber")
            .column("created_at", "CreatedDate")
            .build();

    /** Contact → contacts. A private contact (no AccountId) is quarantined: contacts need an account. */
    public static final SourceProfile CONTACTS = profile("salesforce-contacts", CanonicalTables.CONTACTS)
            .column("contact_id", "Id")
            .column("account_id", "AccountId")
            .template("contact_name", PERSON_NAME)
            .column("title", "Title")
            .column("phone", "Phone")
            .column("email", "Email")
            .column("created_at", "CreatedDate")
            .build();

    private SalesforceProfiles() {
    }

    public static List<SourceProfile> all() {
        return List.of(LEADS, OPPORTUNITIES, ACCOUNTS, CONTACTS);
    }

    /** The map plus each listed source value mapped to blank, which lands as null. */
    private static Map<String, String> withBlanks(Map<String, String> map, List<String> blanks) {
        Map<String, String> all = new LinkedHashMap<>(map);
        blanks.forEach(value -> all.put(value, ""));
        return Map.copyOf(all);
    }
}
