package io.salesops.reports.territory;

import static io.salesops.reports.territory.TerritoryFixtures.row;
import static io.salesops.reports.territory.TerritoryFixtures.threeChineseTerritories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TerritorySummaryTableTest {

    @Test
    void formatsEachRowInTheOrderGiven() {
        // when
        TerritorySummaryTable table = TerritorySummaryTable.of(threeChineseTerritories());

        // then
        assertThat(table.lines()).containsExactly(
                new TerritorySummaryTable.Line("东部 East", "华东", "1,234,567.89", "1,268,750.00", "97.3%", "1,204", "12"),
                new TerritorySummaryTable.Line("南部 South", "华南", "987,654.32", "900,000.00", "109.7%", "876", "9"),
                new TerritorySummaryTable.Line("西部 West", "西北", "123,456.78", "0.00", "—", "45", "2"));
    }

    @Test
    void overallAttainmentIsTotalRevenueOverTotalQuotaNotTheMeanOfRatios() {
        // given: 50% of 1,000 and 150% of 100; the mean of the ratios would be 100%
        List<TerritorySummaryRow> rows = List.of(
                row("A", "华东", "东部 East", "500.00", "1000.00", "0.5", 1, 1),
                row("B", "华南", "南部 South", "150.00", "100.00", "1.5", 1, 1));

        // when
        TerritorySummaryTable.Line total = TerritorySummaryTable.of(rows).total();

        // then: 650 / 1,100
        assertThat(total).isEqualTo(
                new TerritorySummaryTable.Line("", "合计 Total", "650.00", "1,100.00", "59.1%", "2", ""));
    }

    @Test
    void totalAttainmentIsNotApplicableWithoutQuota() {
        assertThat(TerritorySummaryTable.of(List.of(row("A", "西北", "西部 West", "5.00", "0", null, 1, 1)))
                .total().attainment()).isEqualTo("—");
        assertThat(TerritorySummaryTable.of(List.of()).total())
                .isEqualTo(new TerritorySummaryTable.Line("", "合计 Total", "0.00", "0.00", "—", "0", ""));
    }

    @Test
    void rejectsDuplicateTerritoriesNamingBothRows() {
        List<TerritorySummaryRow> rows = List.of(
                row("T-1", "华东", "东部 East", "1", "1", "1", 1, 1),
                row("T-2", "华南", "南部 South", "1", "1", "1", 1, 1),
                row("T-1", "华东", "东部 East", "1", "1", "1", 1, 1));
        assertThatThrownBy(() -> TerritorySummaryTable.of(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("territoryId must be unique in a report, cannot be: T-1 (rows 1 and 3)");
    }

    @Test
    void rejectsNullRows() {
        List<TerritorySummaryRow> rows = Arrays.asList(row("T-1", "华东", "东部 East", "1", "1", "1", 1, 1), null);
        assertThatThrownBy(() -> TerritorySummaryTable.of(rows))
                .hasMessage("rows must not contain null, found at row 2");
    }
}
