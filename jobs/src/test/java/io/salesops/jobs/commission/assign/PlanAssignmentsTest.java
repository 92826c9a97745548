package io.salesops.jobs.commission.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanAssignmentsTest {

    static final Path SETUP = Path.of("src/test/resources/commission/setup");
    final PlanCatalog catalog = PlanCatalog.load(SETUP.resolve("plans"));

    @Test
    void aRepsOwnAssignmentBeatsItsRolesAndThePlanVersionFollowsTheDate() {
        PlanAssignments assignments = PlanAssignments.load(SETUP.resolve("assignments.csv"), catalog);

        assertThat(assignments.planFor("R0007", "rep", LocalDate.parse("2025-03-31"))).contains("manager");
        assertThat(assignments.planFor("R0007", "rep", LocalDate.parse("2025-06-01"))).contains("rep-standard");
        assertThat(assignments.planFor("R0001", "director", LocalDate.parse("2025-03-31"))).isEmpty();
        assertThat(catalog.versionOn("rep-standard", LocalDate.parse("2025-03-31")).map(p -> p.version()))
                .contains(1);
        assertThat(catalog.versionOn("rep-standard", LocalDate.parse("2025-04-01")).map(p -> p.version()))
                .contains(2);
        assertThat(catalog.versionOn("rep-standard", LocalDate.parse("2023-12-31"))).isEqualTo(Optional.empty());
    }

    @Test
    void aBrokenAssignmentsFileIsReportedWholeWithLineAndColumn() {
        assertThatThrownBy(() -> PlanAssignments.load(SETUP.resolve("bad-assignments.csv"), catalog))
                .isInstanceOfSatisfying(SetupException.class, e -> assertThat(e.problems()).containsExactly(
                        "bad-assignments.csv line 3, column effective_from: must not overlap the assignment of"
                                + " role:rep on line 2, cannot be: 2025-01-01 to 2025-02-01",
                        "bad-assignments.csv line 4, column plan_id: must be a plan of the catalog [manager,"
                                + " rep-standard], cannot be: rep-premium",
                        "bad-assignments.csv line 4, column effective_from: must be a date as YYYY-MM-DD, cannot be:"
                                + " 2025-13-01",
                        "bad-assignments.csv line 5, column effective_to: must be after effective_from 2025-03-01,"
                                + " cannot be: 2025-03-01",
                        "bad-assignments.csv line 6, column assignee: is required, cannot be: empty"));
    }

    @Test
    void overlappingVersionsOfOnePlanAreRefused() {
        var v1 = catalog.versionOn("rep-standard", LocalDate.parse("2025-01-01")).orElseThrow();
        var open = new io.salesops.jobs.commission.plan.CommissionPlan(v1.id(), 3, LocalDate.parse("2025-03-01"), null,
                v1.basis(), v1.currency(), v1.rounding(), v1.components());

        assertThatThrownBy(() -> new PlanCatalog(java.util.List.of(v1, open)))
                .hasMessage("plan rep-standard: version 1 (from 2024-01-01 to 2025-04-01) overlaps version 3 from"
                        + " 2025-03-01; end the earlier version with effective_to");
    }

    @Test
    void aMissingPlanFolderSaysWhatToPutThere() {
        assertThatThrownBy(() -> PlanCatalog.load(SETUP.resolve("no-such-folder")))
                .hasMessageEndingWith("no-such-folder: the plan folder does not exist; put one YAML file per plan"
                        + " version there (see the commission README)");
    }
}
