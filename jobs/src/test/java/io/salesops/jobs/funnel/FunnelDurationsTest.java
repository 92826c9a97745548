package io.salesops.jobs.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * funnel_durations of March 2026 on FunnelConversionTest's histories, worked out here: in March only
 * L2 and L3 (both on O2) moved on from a step with both instants known, negotiation (first entered
 * 5 February) → won (10 March): 33 days each; they are also the month's wins, created 6 and 7
 * January: cycles of 63 and 62 days.
 */
class FunnelDurationsTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void timeInStepIsFromEnteringItToEnteringTheNextAndTheCycleIsFromTheFirstStepToTheWin() {
        FunnelConversionTest context = new FunnelConversionTest();
        var durations = FunnelDurations.of(FunnelConversionTest.LEAD_TO_WON,
                context.journeysOf(FunnelConversionTest.LEAD_TO_WON, FunnelConversionTest.SHANGHAI), MARCH,
                FunnelConversionTest.SHANGHAI);

        assertThat(durations.where("dimension = 'all'").orderBy("step_order").collectAsList())
                .extracting(r -> r.getAs("step") + " " + r.getAs("n") + " " + r.getAs("median_days") + " "
                        + r.getAs("p75_days") + " " + r.getAs("p90_days") + " " + r.getAs("mean_days"))
                .containsExactly("negotiation 2 33.000 33.000 33.000 33.000",
                        "cycle_to_won 2 62.500 62.750 62.900 62.500");
        assertThat(durations.where("dimension = 'rep' and step = 'cycle_to_won'").collectAsList())
                .extracting(r -> r.getAs("dimension_value") + " " + r.getAs("n")).containsExactlyInAnyOrder("R1 1",
                        "R2 1");
    }
}
