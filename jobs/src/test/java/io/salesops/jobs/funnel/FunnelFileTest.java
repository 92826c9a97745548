package io.salesops.jobs.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.funnel.FunnelDefinition.Member;
import io.salesops.jobs.funnel.FunnelDefinition.Order;
import io.salesops.jobs.funnel.FunnelStep.Evidence;
import org.junit.jupiter.api.Test;

class FunnelFileTest {

    @Test
    void theShippedLeadFunnelGoesFromTheLeadToTheWonDeal() {
        FunnelDefinition funnel = FunnelConversionTest.LEAD_TO_WON;

        assertThat(funnel.id()).isEqualTo("lead-to-won");
        assertThat(funnel.member()).isEqualTo(Member.LEAD);
        assertThat(funnel.order()).isEqualTo(Order.IN_ORDER);
        assertThat(funnel.steps()).extracting(FunnelStep::id).containsExactly("lead", "mql", "sql", "opportunity",
                "qualification", "proposal", "negotiation", "won");
        assertThat(funnel.steps().get(1).evidence()).isEqualTo(Evidence.LEAD_STATUS);
        assertThat(funnel.windowDays(funnel.steps().get(4))).isEqualTo(90);
        assertThat(FunnelConversionTest.OPPORTUNITY_TO_WON.member()).isEqualTo(Member.OPPORTUNITY);
    }

    @Test
    void everyProblemOfABrokenFileIsNamedWithItsLineAndKey() {
        String yaml = """
                id: Lead To Won
                name: 线索 Lead funnel
                member: lead
                window_days: 0
                colour: blue
                steps:
                  - id: lead
                    name: 线索 Lead
                    reached: lead_created
                  - id: sql
                    name: SQL
                    reached: lead_status
                    status: sql
                  - id: mql
                    name: MQL
                    reached: lead_status
                    status: mql
                  - id: proposal
                    name: Proposal
                    reached: stage
                    stage: pitch
                  - id: won
                    name: Won
                    reached: won
                    window_days: 30
                """;

        assertThatThrownBy(() -> FunnelFile.parse("funnels/mine.yaml", yaml))
                .isInstanceOfSatisfying(FunnelFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "funnels/mine.yaml line 1, key id: must be lower-case letters, digits and -, cannot be:"
                                + " Lead To Won",
                        "funnels/mine.yaml line 4, key window_days: must be a whole number from 1 to 3650, cannot"
                                + " be: 0",
                        "funnels/mine.yaml line 5, key colour: is not a known key; allowed are id, member, name,"
                                + " order, steps, window_days",
                        "funnels/mine.yaml line 17, key steps[3].status: must come after sql in the order new →"
                                + " contacted → mql → sql → converted, cannot be: mql",
                        "funnels/mine.yaml line 21, key steps[4].stage: must be one of prospecting, qualification,"
                                + " proposal, negotiation, cannot be: pitch",
                        "funnels/mine.yaml line 24, key steps[5].reached: won follows the lead's conversion: put a"
                                + " converted step before it",
                        "funnels/mine.yaml line 25, key steps[5].window_days: the last step has no next step to"
                                + " convert to: put the window on the step before it"));
    }

    @Test
    void anOpportunityFunnelCannotUseLeadSteps() {
        String yaml = """
                id: deals
                name: Deals
                member: opportunity
                steps:
                  - {id: deal, name: Deal, reached: opportunity_created}
                  - {id: mql, name: MQL, reached: lead_status, status: mql}
                  - {id: won, name: Won, reached: won}
                """;

        assertThatThrownBy(() -> FunnelFile.parse("deals.yaml", yaml))
                .hasMessage("deals.yaml line 6, key steps[2].reached: lead_status needs leads: the member is an"
                        + " opportunity");
    }

    @Test
    void aFileThatIsNotYamlSaysWhere() {
        assertThatThrownBy(() -> FunnelFile.parse("bad.yaml", "id: x\nsteps: [a, b\n"))
                .isInstanceOf(FunnelFileException.class).hasMessageStartingWith("bad.yaml line 3: not valid YAML");
    }
}
