package io.salesops.warehouse.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SpringFestivalTest {

    @Test
    void theFestivalIsOnItsPublishedDateEachYear() {
        // the dates China's State Council published for each year's holiday
        assertThat(SpringFestival.date(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
        assertThat(SpringFestival.date(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(SpringFestival.date(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(SpringFestival.date(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(SpringFestival.date(2020)).isEqualTo(LocalDate.of(2020, 1, 25));
        assertThat(SpringFestival.date(2028)).isEqualTo(LocalDate.of(2028, 1, 26));
    }

    @Test
    void theWindowIsSharedBetweenTheMonthsItTouches() {
        // 2025: 29 January, window 22 January – 12 February: 10 days in January, 12 in February
        assertThat(SpringFestival.share(YearMonth.of(2025, 1))).isCloseTo(10 / 22.0, within(1e-12));
        assertThat(SpringFestival.share(YearMonth.of(2025, 2))).isCloseTo(12 / 22.0, within(1e-12));
        assertThat(SpringFestival.share(YearMonth.of(2025, 3))).isZero();
        // 2026: 17 February, window 10 February – 3 March: none in January, 19 in February, 3 in March
        assertThat(SpringFestival.share(YearMonth.of(2026, 1))).isZero();
        assertThat(SpringFestival.share(YearMonth.of(2026, 2))).isCloseTo(19 / 22.0, within(1e-12));
        assertThat(SpringFestival.share(YearMonth.of(2026, 3))).isCloseTo(3 / 22.0, within(1e-12));
        assertThat(SpringFestival.share(YearMonth.of(2026, 4))).isZero();
        assertThat(SpringFestival.share(YearMonth.of(2026, 12))).isZero();
    }
}
