package io.salesops.jobs.commission.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The period log on a real (in-memory H2) job database: a period whose calculation read another
 * period's statements cannot be approved or closed once that period was calculated again.
 */
class CommissionPeriodsTest {

    /** Each reading is a minute after the last, so events are ordered as they were recorded. */
    static final class Ticking extends Clock {
        private Instant now = Instant.parse("2025-04-01T09:00:00Z");

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofMinutes(1));
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final CommissionPeriods periods = new CommissionPeriods(database(), new Ticking());

    static JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:periods-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void aPeriodCalculatedBeforeTheMonthBeforeWasCalculatedAgainMustBeCalculatedAgainFirst() {
        periods.calculated("2025-02", "1", "job");
        periods.calculated("2025-03", "2", "job");
        periods.calculated("2025-02", "3", "job");

        assertThatThrownBy(() -> periods.approve("2025-03", "王会计"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot approve commission period 2025-03: it was calculated (run 2 at")
                .hasMessageContaining("before the latest calculation of 2025-02 (run 3 at")
                .hasMessageEndingWith("run `salesops run commissions --period 2025-03` again first");
        assertThat(periods.current("2025-03").orElseThrow().status()).isEqualTo(PeriodStatus.CALCULATED);

        assertThat(periods.staleness("2025-03")).hasValueSatisfying(why -> assertThat(why)
                .startsWith("it was calculated (run 2 at").contains("before the latest calculation of 2025-02 (run 3 at"));
        assertThat(periods.staleness("2025-02")).isEmpty();
        assertThat(periods.outOfDateAfter("2025-02")).containsExactly("2025-03");
        assertThat(periods.outOfDateAfter("2025-03")).isEmpty();

        assertThat(periods.allCurrent()).extracting(e -> e.period() + " " + e.status() + " " + e.runId())
                .containsExactly("2025-02 CALCULATED 3", "2025-03 CALCULATED 2");

        periods.calculated("2025-03", "4", "job");
        assertThat(periods.staleness("2025-03")).isEmpty();
        assertThat(periods.approve("2025-03", "王会计").runId()).isEqualTo("4");
    }

    @Test
    void theYearsEarlierMonthsCountAndTheYearBeforeOnlyForJanuary() {
        periods.calculated("2025-03", "1", "job");
        periods.calculated("2024-12", "2", "job");
        // December is neither the month before March nor in its year
        assertThat(periods.approve("2025-03", "王会计").status()).isEqualTo(PeriodStatus.APPROVED);

        periods.calculated("2025-01", "3", "job");
        periods.calculated("2024-12", "4", "job");
        assertThatThrownBy(() -> periods.approve("2025-01", "王会计"))
                .hasMessageContaining("before the latest calculation of 2024-12 (run 4 at");
    }

    @Test
    void anApprovedPeriodCannotBeClosedOnceAnEarlierMonthOfItsYearWasCalculatedAgain() {
        periods.calculated("2025-01", "1", "job");
        periods.calculated("2025-03", "2", "job");
        periods.approve("2025-03", "王会计");
        periods.calculated("2025-01", "3", "job");

        boolean[] ledgerWritten = {false};
        assertThatThrownBy(() -> periods.close("2025-03", "财务总监", approved -> ledgerWritten[0] = true))
                .hasMessageStartingWith("cannot close commission period 2025-03")
                .hasMessageContaining("before the latest calculation of 2025-01 (run 3 at");
        assertThat(ledgerWritten[0]).as("nothing of the close is written").isFalse();
        assertThat(periods.current("2025-03").orElseThrow().status()).isEqualTo(PeriodStatus.APPROVED);
    }

    @Test
    void recalculatingLaterPeriodsGoesMonthByMonthAcrossTheYear() {
        // given: November, December, January and February calculated in order, then November
        // again: December reads it (the month before), January reads December only
        calculatedInOrder("2024-11", "2024-12", "2025-01", "2025-02", "2024-11");
        assertThat(periods.outOfDateAfter("2024-11")).containsExactly("2024-12");

        // when: the job stand-in records each calculation as the real job does
        java.util.List<String> runs = new java.util.ArrayList<>();
        java.util.List<String> recalculated = periods.recalculateLater("2024-11", recordingIn(runs));

        // then: December first, which makes January out of date, which makes February out of date
        assertThat(recalculated).containsExactly("2024-12", "2025-01", "2025-02");
        assertThat(runs).isEqualTo(recalculated);
        for (String period : java.util.List.of("2024-11", "2024-12", "2025-01", "2025-02")) {
            assertThat(periods.staleness(period)).as(period).isEmpty();
        }
        assertThat(periods.recalculateLater("2024-11", period -> runs.add("again " + period))).isEmpty();
    }

    @Test
    void theWalkLeavesClosedPeriodsAndPeriodsOutOfDateForAnotherReasonAlone() {
        // given: February closed; April out of date because March was calculated after it
        periods.calculated("2025-01", "1", "job");
        periods.calculated("2025-02", "2", "job");
        periods.approve("2025-02", "王会计");
        periods.close("2025-02", "财务总监", approved -> { });
        periods.calculated("2025-04", "3", "job");
        periods.calculated("2025-03", "4", "job");
        periods.calculated("2025-06", "5", "job");
        // 2025-01 calculated again: March and June read it (the same year), April reads it too
        periods.calculated("2025-01", "6", "job");

        java.util.List<String> runs = new java.util.ArrayList<>();
        periods.recalculateLater("2025-01", recordingIn(runs));

        assertThat(runs).containsExactly("2025-03", "2025-04", "2025-06");
        assertThat(periods.current("2025-02").orElseThrow().status()).isEqualTo(PeriodStatus.CLOSED);
        assertThat(periods.closedPeriods()).containsExactly("2025-02");

        // March 2026 is out of date because February was calculated after it, but reads nothing
        // the walk from November 2025 changes (January 2026 was never calculated): left alone
        calculatedInOrder("2025-11", "2025-12", "2026-03", "2026-02", "2025-11");
        assertThat(periods.recalculateLater("2025-11", recordingIn(runs))).containsExactly("2025-12");
        assertThat(periods.staleness("2026-03")).isPresent();
    }

    @Test
    void aFailedRecalculationStopsTheWalkAndTheRestStaysOutOfDate() {
        calculatedInOrder("2025-01", "2025-02", "2025-03", "2025-01");

        assertThatThrownBy(() -> periods.recalculateLater("2025-01", period -> {
            throw new IllegalStateException("job failed for " + period);
        })).hasMessage("job failed for 2025-02");

        assertThat(periods.outOfDateAfter("2025-01")).containsExactly("2025-02", "2025-03");
    }

    /** Records each period CALCULATED, one after the other, by runs numbered from 100. */
    private void calculatedInOrder(String... months) {
        for (int i = 0; i < months.length; i++) {
            periods.calculated(months[i], Integer.toString(100 + i), "job");
        }
    }

    /** A stand-in for the commission job: notes the period and records it CALCULATED, as the job does. */
    private java.util.function.Consumer<String> recordingIn(java.util.List<String> runs) {
        return period -> {
            runs.add(period);
            periods.calculated(period, "r" + runs.size(), "job");
        };
    }
}
