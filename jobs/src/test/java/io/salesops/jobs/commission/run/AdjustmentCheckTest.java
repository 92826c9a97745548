package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdjustmentCheckTest {

    static final YearMonth AUGUST = YearMonth.of(2025, 8);

    static Optional<AdjustmentCheck.Rep> rep(String hired, String left) {
        return Optional.of(new AdjustmentCheck.Rep("R1", "rep", LocalDate.parse(hired),
                left == null ? null : LocalDate.parse(left)));
    }

    @Test
    void aRepEmployedOnAnyDayOfThePeriodMayBeAdjusted() {
        assertThat(AdjustmentCheck.problems(AUGUST, "R1", BigDecimal.TEN, "CNY", rep("2025-08-31", null),
                Optional.empty())).isEmpty();
        assertThat(AdjustmentCheck.problems(AUGUST, "R1", BigDecimal.TEN, "CNY", rep("2020-01-01", "2025-08-01"),
                Optional.empty())).isEmpty();
    }

    @Test
    void aRepHiredAfterOrGoneBeforeThePeriodIsRefused() {
        assertThat(AdjustmentCheck.problems(AUGUST, "R1", BigDecimal.TEN, "CNY", rep("2025-09-01", null),
                Optional.empty())).containsExactly("--rep: R1 was hired on 2025-09-01, after 2025-08");
        assertThat(AdjustmentCheck.problems(AUGUST, "R1", BigDecimal.TEN, "CNY", rep("2020-01-01", "2025-07-31"),
                Optional.empty())).containsExactly("--rep: R1 left on 2025-07-31, before 2025-08");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThat(AdjustmentCheck.problems(AUGUST, "NOSUCH", BigDecimal.ZERO, "cny", Optional.empty(),
                Optional.empty())).containsExactly("--amount: an adjustment of 0 changes nothing",
                "--currency: cny is not an ISO 4217 currency code (e.g. CNY, USD)",
                "--rep: no rep NOSUCH in the warehouse's reps table");
    }
}
