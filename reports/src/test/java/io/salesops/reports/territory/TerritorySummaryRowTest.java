package io.salesops.reports.territory;

import static io.salesops.reports.territory.TerritoryFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TerritorySummaryRowTest {

    @Test
    void zeroQuotaHasNoAttainment() {
        assertThat(row("T-1", "西北", "西部 West", "10.00", "0", null, 1, 1).attainment()).isNull();
        assertThatThrownBy(() -> row("T-1", "西北", "西部 West", "10.00", "0", "1.0", 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attainment must be null when quota is 0, cannot be: 1.0 (territory T-1)");
    }

    @Test
    void positiveQuotaNeedsAttainment() {
        assertThatThrownBy(() -> row("T-1", "华东", "东部 East", "10.00", "20.00", null, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attainment must be given when quota is 20.00, cannot be: null (territory T-1)");
    }

    @Test
    void rejectsNegativeQuotaAndCounts() {
        assertThatThrownBy(() -> row("T-1", "华东", "东部 East", "10.00", "-1", "1", 1, 1))
                .hasMessage("quota must be at least 0, cannot be: -1 (territory T-1)");
        assertThatThrownBy(() -> row("T-1", "华东", "东部 East", "10.00", "20", "0.5", -1, 1))
                .hasMessage("invoiceCount must be at least 0, cannot be: -1 (territory T-1)");
        assertThatThrownBy(() -> row("T-1", "华东", "东部 East", "10.00", "20", "0.5", 1, -2))
                .hasMessage("repCount must be at least 0, cannot be: -2 (territory T-1)");
    }

    @Test
    void rejectsBlankNames() {
        assertThatThrownBy(() -> row("T-1", " ", "东部 East", "10.00", "20", "0.5", 1, 1))
                .hasMessage("territoryName must not be blank, cannot be: ' ' (territory T-1)");
        assertThatThrownBy(() -> row(null, "华东", "东部 East", "10.00", "20", "0.5", 1, 1))
                .hasMessage("territoryId must not be blank, cannot be: null (territory null)");
    }

    @Test
    void negativeRevenueIsACreditAndAllowed() {
        assertThat(row("T-1", "华东", "东部 East", "-5.00", "20", "-0.25", 1, 1).revenue()).isNegative();
    }
}
