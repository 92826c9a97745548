package io.salesops.schedules;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchedulesPropertiesTest {

    @Test
    void scheduleWithOnlyNameJobAndCronGetsTheDefaults() {
        // given
        Map<String, String> properties = monthEnd();

        // when
        SchedulesProperties bound = bind(properties);

        // then
        assertThat(bound.schedules()).singleElement().satisfies(schedule -> {
            assertThat(schedule.name()).isEqualTo("month-end");
            assertThat(schedule.job()).isEqualTo("monthEndClose");
            assertThat(schedule.cron()).isEqualTo("0 0 2 1 * ?");
            assertThat(schedule.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(schedule.parameters()).isEmpty();
            assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
        });
    }

    @Test
    void everyKeyOfAScheduleIsBound() {
        // given
        Map<String, String> properties = monthEnd();
        properties.put("salesops.schedules[0].time-zone", "Europe/Berlin");
        properties.put("salesops.schedules[0].misfire", "skip");
        properties.put("salesops.schedules[0].parameters.period", "previous-month");
        properties.put("salesops.schedules[0].parameters.region", "east");

        // when
        SchedulesProperties bound = bind(properties);

        // then
        assertThat(bound.schedules()).singleElement().satisfies(schedule -> {
            assertThat(schedule.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(schedule.misfire()).isEqualTo(MisfirePolicy.SKIP);
            assertThat(schedule.parameters()).containsExactly(Map.entry("period", "previous-month"),
                    Map.entry("region", "east"));
        });
    }

    @Test
    void noSchedulesConfiguredIsAnEmptyList() {
        // given
        Map<String, String> properties = Map.of("salesops.warehouse.root-dir", "/data");

        // when
        SchedulesProperties bound = bind(properties);

        // then
        assertThat(bound.schedules()).isEmpty();
    }

    @Test
    void invalidCronIsRejectedNamingTheKeyTheRuleAndTheValue() {
        // given both day fields set, which Quartz does not support
        Map<String, String> properties = monthEnd();
        properties.put("salesops.schedules[0].cron", "0 0 2 1 * *");

        // when / then
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(properties))
                .havingRootCause()
                .withMessageStartingWith("salesops.schedules[0].cron is not a valid Quartz cron expression:"
                        + " '0 0 2 1 * *' (Support for specifying both a day-of-week AND a day-of-month"
                        + " parameter is not implemented.)");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceEachWithItsKey() {
        // given a second schedule with a bad period, a reserved parameter, a reused name and no job
        Map<String, String> properties = monthEnd();
        properties.put("salesops.schedules[1].name", "month-end");
        properties.put("salesops.schedules[1].cron", "0 0 3 1 * ?");
        properties.put("salesops.schedules[1].parameters.period", "2024-13");
        properties.put("salesops.schedules[1].parameters.run", "7");

        // when / then
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(properties))
                .havingRootCause()
                .withMessage(String.join(System.lineSeparator(),
                        "salesops.schedules[1].job must name a Spring Batch job bean, cannot be: nothing",
                        "salesops.schedules[1].parameters.run is reserved: every launch gets a fresh run number"
                                + " so that the same period can be rerun",
                        "salesops.schedules[1].parameters.period must be 'previous-month' or a month written"
                                + " YYYY-MM, cannot be: '2024-13'",
                        "salesops.schedules[1].name must be unique, cannot be: 'month-end' (already used by"
                                + " salesops.schedules[0])"));
    }

    @Test
    void nameThatCannotBeTypedOnACommandLineIsRejected() {
        // given
        Map<String, String> properties = monthEnd();
        properties.put("salesops.schedules[0].name", "month end");

        // when / then
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(properties))
                .havingRootCause()
                .withMessage("salesops.schedules[0].name must be 1 to 100 letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit, cannot be: 'month end'");
    }

    @Test
    void unknownTimeZoneIsRejectedNamingTheKey() {
        // given
        Map<String, String> properties = monthEnd();
        properties.put("salesops.schedules[0].time-zone", "Asia/Shangai");

        // when / then
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(properties))
                .withMessageContaining("salesops.schedules[0].time-zone");
    }

    private static Map<String, String> monthEnd() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("salesops.schedules[0].name", "month-end");
        properties.put("salesops.schedules[0].job", "monthEndClose");
        properties.put("salesops.schedules[0].cron", "0 0 2 1 * ?");
        return properties;
    }

    private static SchedulesProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(SchedulesProperties.PREFIX, SchedulesProperties.class);
    }
}
