package io.salesops.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.warehouse.model.CanonicalTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSpotProfilesTest {

    static final String COLUMNS = "opportunity_id, opportunity_name, stage, amount, currency, close_date,"
            + " owner_rep_id, forecast_category, is_closed, is_won";

    @TempDir
    Path root;
    FixtureWarehouse warehouse;

    @BeforeEach
    void emptyWarehouse() {
        warehouse = new FixtureWarehouse(root);
    }

    @Test
    void bothExportShapesAreDetectedFromTheirHeaders() throws Exception {
        assertThat(FixtureWarehouse.detect("hubspot/deals.csv")).isSameAs(HubSpotProfiles.DEALS);
        assertThat(FixtureWarehouse.detect("hubspot/deals-ui.csv")).isSameAs(HubSpotProfiles.DEALS_BY_LABEL);
        assertThat(new ProfileDetector(BuiltInProfiles.all()).detect("old-portal.csv", List.of("Deal ID",
                "Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner", "Create Date")))
                .isSameAs(HubSpotProfiles.DEALS_BY_LABEL_DEAL_ID);
    }

    @Test
    void apiExportStageIdsAndEpochMillisecondsLandCanonical() throws Exception {
        // when
        FileIngestResult result = warehouse.load("hubspot/deals.csv");

        // then: closedate 1743436800000 is 2025-04-01 00:00 in Asia/Shanghai, so it lands as that day
        assertThat(result.profile()).isEqualTo("hubspot-deals");
        assertThat(warehouse.rows(CanonicalTables.OPPORTUNITIES, COLUMNS
                + ", strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M:%S.%g')")).containsExactly(
                "15230011001|常州树脂年度框架协议|proposal|86000.00|CNY|2025-04-01|71234567|best_case|false|false"
                        + "|2025-01-01 04:30:00.000",
                "15230011002|Pigment Blue 15:3 export lot|closed_won|12400.50|CNY|2025-03-14|71234568|closed"
                        + "|true|true|2024-12-18 09:45:30.250",
                "15230011003|广州涂料 试样|closed_lost|5000.00|CNY|2025-02-28|71234567|omitted|true|false"
                        + "|2025-02-02 11:00:00.000",
                "15230011004|溶剂年度补货|prospecting|null|CNY|null|71234569|pipeline|false|false"
                        + "|2025-03-05 02:10:00.000",
                "15230011005|宁波塑料 增塑剂|negotiation|230000.00|CNY|2025-06-30|71234568|commit|false|false"
                        + "|2025-03-09 06:20:00.000");
        // a custom pipeline's stage is a number no built-in can know
        assertThat(result.rejectsByRule()).isEqualTo(Map.of("allowed_values", 1L));
        assertThat(warehouse.rejects()).containsExactly("7|stage|allowed_values|hubspot/deals.csv line 7, column"
                + " stage: stage must be one of [prospecting, qualification, proposal, negotiation, closed_won,"
                + " closed_lost], cannot be: 123456789");
    }

    @Test
    void uiExportLabelsInEitherCaseMapAndLocalTimesAreInTheBusinessZone() throws Exception {
        FileIngestResult result = warehouse.load("hubspot/deals-ui.csv");

        assertThat(result.rejected()).isZero();
        assertThat(warehouse.rows(CanonicalTables.OPPORTUNITIES, COLUMNS
                + ", strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M')")).containsExactly(
                "18340022001|杭州康源 原料药溶剂|negotiation|64000.00|CNY|2025-04-20|王伟|commit|false|false"
                        + "|2025-02-03 02:15",
                "18340022002|Acme Coatings resin trial|closed_won|18500.75|CNY|2025-03-12|Li Na|closed|true|true"
                        + "|2025-01-20 06:03",
                "18340022003|成都水处理 季度单|qualification|null|CNY|null|陈晨|omitted|false|false|2025-03-18 01:00",
                "18340022004|宁波塑料 样品|closed_lost|2000.00|CNY|2025-02-27|王伟|null|true|false"
                        + "|2024-12-30 08:45");
    }
}
