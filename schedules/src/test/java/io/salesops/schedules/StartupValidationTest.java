package io.salesops.schedules;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.NestedExceptionUtils;

import static io.salesops.schedules.ScheduledJobsTestApplication.REPORT_PERIOD;
import static io.salesops.schedules.ScheduledJobsTestApplication.schedule;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

/** A schedule that cannot work stops the application at startup, with a message naming the key. */
class StartupValidationTest {

    @TempDir
    Path dataDir;

    @Test
    void invalidCronFailsStartupNamingTheKey() {
        // given a cron with five fields, as Unix cron has
        List<String> arguments = schedule(0, "month-end", REPORT_PERIOD, "0 2 1 * ?", "period=previous-month");

        // when / then
        assertThatThrownBy(() -> start(arguments))
                .extracting(NestedExceptionUtils::getMostSpecificCause, THROWABLE)
                .hasMessageStartingWith("salesops.schedules[0].cron is not a valid Quartz cron expression:"
                        + " '0 2 1 * ?' (");
    }

    @Test
    void scheduleOfAnUnknownJobFailsStartupNamingTheKeyAndTheJobBeans() {
        // given
        List<String> arguments = schedule(0, "month-end", "monthEndClose", "0 0 2 1 * ?");

        // when / then
        assertThatThrownBy(() -> start(arguments))
                .extracting(NestedExceptionUtils::getMostSpecificCause, THROWABLE)
                .hasMessage("salesops.schedules[0].job must name a Spring Batch job bean, cannot be:"
                        + " 'monthEndClose' (job beans: alwaysFails, reportPeriod)");
    }

    private void start(List<String> arguments) {
        ScheduledJobsTestApplication.start(dataDir, arguments.toArray(String[]::new)).close();
    }
}
