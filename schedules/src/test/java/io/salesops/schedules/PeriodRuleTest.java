package io.salesops.schedules;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodRuleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void previousMonthOnNewYearsDayIsDecemberOfThePreviousYear() {
        // given the month-end run at 02:00 on 1 January in Shanghai
        Instant firedAt = Instant.parse("2024-12-31T18:00:00Z");

        // when
        YearMonth period = PeriodRule.resolve("previous-month", firedAt, SHANGHAI);

        // then
        assertThat(period).isEqualTo(YearMonth.of(2024, 12));
    }

    @Test
    void previousMonthIsTakenOnTheScheduleCalendarWhenUtcIsStillInTheMonthBefore() {
        // given 02:00 on 1 March in Shanghai, which is 18:00 on 28 February in UTC
        Instant firedAt = Instant.parse("2025-02-28T18:00:00Z");

        // when
        YearMonth inShanghai = PeriodRule.resolve("previous-month", firedAt, SHANGHAI);
        YearMonth inUtc = PeriodRule.resolve("previous-month", firedAt, ZoneOffset.UTC);

        // then February is closed, not January
        assertThat(inShanghai).isEqualTo(YearMonth.of(2025, 2));
        assertThat(inUtc).isEqualTo(YearMonth.of(2025, 1));
    }

    @Test
    void previousMonthIsTakenOnTheScheduleCalendarWhenUtcIsAlreadyInTheNextMonth() {
        // given 20:00 on 28 February in Los Angeles, which is 04:00 on 1 March in UTC
        Instant firedAt = Instant.parse("2025-03-01T04:00:00Z");

        // when
        YearMonth inLosAngeles = PeriodRule.resolve("previous-month", firedAt, LOS_ANGELES);

        // then February is not complete yet in Los Angeles
        assertThat(inLosAngeles).isEqualTo(YearMonth.of(2025, 1));
    }

    @Test
    void previousMonthAtTheFirstInstantOfAMonthIsTheMonthJustEnded() {
        // given midnight starting 1 March 2024 in Shanghai (after a leap-year February)
        Instant firedAt = Instant.parse("2024-02-29T16:00:00Z");

        // when
        YearMonth period = PeriodRule.resolve("previous-month", firedAt, SHANGHAI);

        // then
        assertThat(period).isEqualTo(YearMonth.of(2024, 2));
    }

    @Test
    void literalMonthIsTheSameWheneverItFires() {
        // given
        Instant firedAt = Instant.parse("2025-06-15T10:00:00Z");

        // when
        YearMonth period = PeriodRule.resolve("2024-07", firedAt, SHANGHAI);

        // then
        assertThat(period).isEqualTo(YearMonth.of(2024, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-13", "2024-7", "2024/07", "202407", "last-month", "Previous-Month", "" })
    void ruleThatIsNeitherFormIsRejectedWithTheRuleAndTheValue(String rule) {
        // given a rule that is neither 'previous-month' nor YYYY-MM

        // when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeriodRule.check(rule))
                .withMessage("must be 'previous-month' or a month written YYYY-MM, cannot be: '" + rule + "'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeriodRule.resolve(rule, Instant.EPOCH, SHANGHAI));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-13", "2024-00", "2024-7", "24-07", "2024-07-01", " 2024-07", "" })
    void aTypedPeriodThatIsNotYearDashMonthIsRejectedWithTheText(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeriodRule.parse(text))
                .withMessage("a period is a month written YYYY-MM, cannot be: '" + text + "'");
    }

    @Test
    void aTypedPeriodIsTheMonthItNames() {
        assertThat(PeriodRule.parse("2026-02")).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void theDefaultPeriodOnAClockIsTheMonthBeforeTheClocksMonthOnItsZone() {
        // given 00:30 on 1 December in Shanghai, still 30 November in UTC
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-11-30T16:30:00Z"), SHANGHAI);

        // when / then
        assertThat(PeriodRule.lastCompleteMonth(clock)).isEqualTo(YearMonth.of(2026, 11));
        assertThat(PeriodRule.lastCompleteMonth(clock.withZone(ZoneOffset.UTC))).isEqualTo(YearMonth.of(2026, 10));
    }
}
