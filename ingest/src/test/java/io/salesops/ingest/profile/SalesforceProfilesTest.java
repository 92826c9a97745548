package io.salesops.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.warehouse.model.CanonicalTables;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceProfilesTest {

    @TempDir
    Path root;
    FixtureWarehouse warehouse;

    @BeforeEach
    void emptyWarehouse() {
        warehouse = new FixtureWarehouse(root);
    }

    @Test
    void eachObjectExportIsDetectedFromItsApiNameHeader() throws Exception {
        assertThat(FixtureWarehouse.detect("salesforce/Opportunity.csv")).isSameAs(SalesforceProfiles.OPPORTUNITIES);
        assertThat(FixtureWarehouse.detect("salesforce/Lead.csv")).isSameAs(SalesforceProfiles.LEADS);
        assertThat(FixtureWarehouse.detect("salesforce/Account.csv")).isSameAs(SalesforceProfiles.ACCOUNTS);
        assertThat(FixtureWarehouse.detect("salesforce/Contact.csv")).isSameAs(SalesforceProfiles.CONTACTS);
    }

    @Test
    void opportunityStagesProbabilitiesAndUtcDatetimesLandCanonical() throws Exception {
        // when
        FileIngestResult result = warehouse.load("salesforce/Opportunity.csv");

        // then: stages by milestone, percent → fraction, "Other" lead source blank, .000Z kept in UTC
        assertThat(result.profile()).isEqualTo("salesforce-opportunities");
        assertThat(result.accepted()).isEqualTo(6);
        assertThat(warehouse.rows(CanonicalTables.OPPORTUNITIES, "opportunity_id, account_id, opportunity_name,"
                + " stage, amount, currency, probability, close_date, owner_rep_id, lead_source, campaign_id,"
                + " forecast_category, is_closed, is_won, strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M:%S')"))
                .containsExactly(
                        "0065g00000QxA1bAAF|0015g00000Lk7PqAAJ|华东涂料 2025 年度溶剂供应|proposal|125000.00|CNY"
                                + "|0.750000|2025-04-30|0055g00000Fq2RsAAJ|trade_show|7015g000000Ab1cAAC|best_case"
                                + "|false|false|2025-03-04 08:15:00",
                        "0065g00000QxA2cAAF|0015g00000Lk7QrAAJ|Plasticizer trial order / 增塑剂试单|closed_won"
                                + "|48000.00|USD|1.000000|2025-02-28|0055g00000Fq2StAAJ|referral|null|closed"
                                + "|true|true|2025-01-10 02:00:00",
                        "0065g00000QxA3dAAF|null|新客户 - 颜料试样|proposal|null|CNY|0.600000|null"
                                + "|0055g00000Fq2RsAAJ|null|null|pipeline|false|false|2025-03-20 23:30:00",
                        "0065g00000QxA4eAAF|0015g00000Lk7RsAAJ|Resins, Q2 framework|closed_lost|0.00|EUR"
                                + "|0.000000|2025-03-15|0055g00000Fq2TuAAJ|website|null|omitted|true|false"
                                + "|2024-12-01 09:00:00",
                        "0065g00000QxA5fAAF|0015g00000Lk7PqAAJ|华东涂料 色浆补单|qualification|36000.00|CNY"
                                + "|0.200000|2025-05-31|0055g00000Fq2RsAAJ|trade_show|null|pipeline|false|false"
                                + "|2025-03-21 01:02:03",
                        "0065g00000QxA6gAAF|0015g00000Lk7RsAAJ|绿源水务 絮凝剂年度合同|negotiation|310000.00|CNY"
                                + "|0.900000|2025-04-15|0055g00000Fq2TuAAJ|email_campaign|null|commit|false|false"
                                + "|2025-02-18 07:40:00");
    }

    @Test
    void leadsMapStatusSourceAndIndustryAndQuarantineASourceWithNoEquivalent() throws Exception {
        FileIngestResult result = warehouse.load("salesforce/Lead.csv");

        assertThat(result.rejectsByRule()).isEqualTo(Map.of("allowed_values", 1L));
        assertThat(warehouse.rows(CanonicalTables.LEADS, "lead_id, lead_name, company_name, source, status, industry,"
                + " owner_rep_id, strftime(timezone('UTC', converted_at), '%Y-%m-%d %H:%M'), converted_opportunity_id,"
                + " strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M')"))
                .containsExactly(
                        "00Q5g00000LdA01EAF|王 小明|苏州华彩纺织有限公司|trade_show|contacted|textiles"
                                + "|0055g00000Fq2RsAAJ|null|null|2025-02-11 03:20",
                        "00Q5g00000LdA02EAF|李娜|杭州康源药业|website|new|pharmaceuticals|0055g00000Fq2StAAJ|null|null"
                                + "|2025-03-01 06:00",
                        // ConvertedDate 2025-03-10 is midnight in Asia/Shanghai, 16:00 UTC the day before
                        "00Q5g00000LdA03EAF|Smith John|Acme Coatings Inc.|referral|converted|coatings"
                                + "|0055g00000Fq2TuAAJ|2025-03-09 16:00|0065g00000QxA5fAAF|2025-01-05 15:45",
                        "00Q5g00000LdA04EAF|张 伟|宁波港联物流|cold_call|disqualified|null|0055g00000Fq2RsAAJ|null"
                                + "|null|2024-11-20 08:00");
        assertThat(warehouse.rejects()).containsExactly("6|source|allowed_values|salesforce/Lead.csv line 6, column"
                + " source: source must be one of [trade_show, website, referral, email_campaign, cold_call],"
                + " cannot be: Other");
    }

    @Test
    void accountsKeepTheErpCustomerCodeAndBlankAnIndustryWithNoEquivalent() throws Exception {
        warehouse.load("salesforce/Account.csv");

        assertThat(warehouse.rows(CanonicalTables.ACCOUNTS, "account_id, account_name, industry, province, city,"
                + " owner_rep_id, customer_id, strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M')"))
                .containsExactly(
                        "0015g00000Lk7PqAAJ|苏州华彩涂料有限公司|null|江苏|苏州|0055g00000Fq2RsAAJ|C华东001"
                                + "|2023-06-01 02:30",
                        "0015g00000Lk7QrAAJ|Acme Plastics Ltd.|plastics|CA|Los Angeles|0055g00000Fq2StAAJ|null"
                                + "|2024-02-14 10:00",
                        "0015g00000Lk7RsAAJ|绿源水务科技|water_treatment|四川|成都|0055g00000Fq2TuAAJ|null"
                                + "|2024-09-30 07:15");
    }

    @Test
    void contactsNeedAnAccount() throws Exception {
        FileIngestResult result = warehouse.load("salesforce/Contact.csv");

        assertThat(result.rejectsByRule()).isEqualTo(Map.of("required", 1L));
        assertThat(warehouse.rows(CanonicalTables.CONTACTS, "contact_id, account_id, contact_name, title, phone,"
                + " email, strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M')"))
                .containsExactly(
                        "0035g00000Ct1AbAAJ|0015g00000Lk7PqAAJ|陈 建国|采购经理|+86 512 6800 2000"
                                + "|chen.jg@huacai.example.cn|2023-06-02 01:00",
                        "0035g00000Ct1BcAAJ|0015g00000Lk7QrAAJ|Garcia Maria|Purchasing Director|+1 213 555 0199"
                                + "|maria.garcia@acmeplastics.example.com|2024-02-15 17:30");
        assertThat(warehouse.rejects()).containsExactly("4|account_id|required|salesforce/Contact.csv line 4,"
                + " column account_id: account_id is required (from AccountId)");
    }
}
