package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.commission.calc.FxTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the driver hands each rep's calculation on Spark: the dates a draw reads come from the reps table. */
class RepPlansTest {

    private static final Path SETUP = Path.of("src/test/resources/commission/setup");

    @Test
    void eachRepsPlanCarriesTheirHireAndTerminationDatesToTheCalculation() {
        // given: one rep still employed, one who left in March
        List<RepPlans.Rep> reps = List.of(new RepPlans.Rep("R0001", "rep", LocalDate.of(2024, 2, 1), null),
                new RepPlans.Rep("R0002", "rep", LocalDate.of(2024, 5, 6), LocalDate.of(2025, 3, 14)));
        Map<String, RepPlans.Quota> quotas = Map.of("R0001", new RepPlans.Quota(new BigDecimal("100000.00"), "CNY"),
                "R0002", new RepPlans.Quota(new BigDecimal("100000.00"), "CNY"));

        // when
        RepPlans.Resolved resolved = RepPlans.resolve(reps, CommissionSetup.load(SETUP), quotas, new FxTable(),
                YearMonth.of(2025, 3), month -> Map.of());

        // then
        assertThat(resolved.plans().get("R0001").hireDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(resolved.plans().get("R0001").terminationDate()).isNull();
        assertThat(resolved.plans().get("R0002").hireDate()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(resolved.plans().get("R0002").terminationDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(resolved.employed()).as("both worked in March").containsExactlyInAnyOrder("R0001", "R0002");
    }
}
