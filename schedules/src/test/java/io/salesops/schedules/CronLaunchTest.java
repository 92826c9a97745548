package io.salesops.schedules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static io.salesops.schedules.ScheduledJobsTestApplication.REPORT_PERIOD;
import static io.salesops.schedules.ScheduledJobsTestApplication.executions;
import static io.salesops.schedules.ScheduledJobsTestApplication.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A cron schedule fires on its own and its run is in the Spring Batch history. */
class CronLaunchTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dataDir;

    @Test
    void cronFiringEverySecondLaunchesTheJobWithThePreviousMonthInTheScheduleZone() {
        // given a schedule firing every second with period 'previous-month' in Asia/Shanghai
        String monthBefore = YearMonth.now(SHANGHAI).minusMonths(1).toString();
        try (ConfigurableApplicationContext context = ScheduledJobsTestApplication.start(dataDir,
                schedule(0, "every-second", REPORT_PERIOD, "* * * * * ?", "period=previous-month", "region=east")
                        .toArray(String[]::new))) {

            // when it fires
            JobExecution execution = await().atMost(Duration.ofSeconds(10))
                    .until(() -> executions(context, REPORT_PERIOD).stream()
                            .filter(candidate -> candidate.getStatus() == BatchStatus.COMPLETED)
                            .findFirst(), Optional::isPresent)
                    .orElseThrow();

            // then
            String monthAfter = YearMonth.now(SHANGHAI).minusMonths(1).toString();
            assertThat(execution.getJobParameters().getParameter("period").value().toString()).isIn(monthBefore, monthAfter);
            assertThat(execution.getJobParameters().getString("region")).isEqualTo("east");
            assertThat(execution.getJobParameters().getLong("run")).isPositive();
            assertThat(context.getBean(ScheduleService.class).get("every-second").previousFireTime()).isPresent();
        }
    }
}
