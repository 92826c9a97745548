package io.salesops.schedules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static io.salesops.schedules.ScheduledJobsTestApplication.ALWAYS_FAILS;
import static io.salesops.schedules.ScheduledJobsTestApplication.REPORT_PERIOD;
import static io.salesops.schedules.ScheduledJobsTestApplication.executions;
import static io.salesops.schedules.ScheduledJobsTestApplication.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Schedules run by hand in a running application leave their runs in the Spring Batch history.
 * No schedule here is due during the test, so a launch seen within seconds was started by
 * {@link ScheduleService#triggerNow(String)} itself, not by a scheduler poll (every 30 s when idle).
 */
class ScheduledLaunchTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext context;

    private static ScheduleService schedules;

    @BeforeAll
    static void startApplication() {
        List<String> arguments = new ArrayList<>();
        arguments.addAll(schedule(0, "month-end", REPORT_PERIOD, "0 0 2 1 * ?",
                "period=2024-12", "source=trigger-now"));
        arguments.addAll(schedule(1, "quarter-report", REPORT_PERIOD, "0 0 4 1 1,4,7,10 ?",
                "period=2025-03", "source=paused"));
        arguments.addAll(schedule(2, "broken-feed", ALWAYS_FAILS, "0 0 3 1 * ?", "period=previous-month"));
        context = ScheduledJobsTestApplication.start(dataDir, arguments.toArray(String[]::new));
        schedules = context.getBean(ScheduleService.class);
    }

    @AfterAll
    static void stopApplication() {
        context.close();
    }

    @Test
    void triggerNowLaunchesTheJobAtOnceWithTheConfiguredPeriod() {
        // given a schedule whose cron fires only on the 1st

        // when
        schedules.triggerNow("month-end");

        // then
        JobExecution execution = awaitExecution(REPORT_PERIOD, "trigger-now", BatchStatus.COMPLETED);
        assertThat(execution.getJobParameters().getParameter("period").value()).isEqualTo(java.time.YearMonth.of(2024, 12));
    }

    @Test
    void pausedScheduleStaysPausedAndStillRunsWhenTriggeredByHand() {
        // given
        schedules.pause("quarter-report");

        // when
        schedules.triggerNow("quarter-report");

        // then
        JobExecution execution = awaitExecution(REPORT_PERIOD, "paused", BatchStatus.COMPLETED);
        assertThat(execution.getJobParameters().getParameter("period").value()).isEqualTo(java.time.YearMonth.of(2025, 3));
        assertThat(schedules.get("quarter-report").state()).isEqualTo(ScheduleStatus.State.PAUSED);

        schedules.resume("quarter-report");
        assertThat(schedules.get("quarter-report").state()).isEqualTo(ScheduleStatus.State.WAITING);
    }

    @Test
    void jobThatFailsIsAFailedExecutionInTheBatchHistory() {
        // given a schedule of a job whose step throws

        // when
        schedules.triggerNow("broken-feed");

        // then
        JobExecution execution = await().atMost(Duration.ofSeconds(10))
                .until(() -> executions(context, ALWAYS_FAILS).stream().filter(e -> !e.isRunning()).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription())
                .contains("the source file for this period is missing");
    }

    @Test
    void listShowsEveryScheduleWithItsNextFireTime() {
        // given the month-end schedule at 02:00 on the 1st in Asia/Shanghai
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        ZonedDateTime firstOfMonth = now.withDayOfMonth(1).with(LocalTime.of(2, 0));
        ZonedDateTime nextMonthEnd = firstOfMonth.isAfter(now) ? firstOfMonth : firstOfMonth.plusMonths(1);

        // when
        List<ScheduleStatus> listed = schedules.list();

        // then
        assertThat(listed).extracting(ScheduleStatus::name)
                .containsExactly("broken-feed", "month-end", "quarter-report");
        assertThat(schedules.get("month-end")).satisfies(monthEnd -> {
            assertThat(monthEnd.job()).isEqualTo(REPORT_PERIOD);
            assertThat(monthEnd.cron()).isEqualTo("0 0 2 1 * ?");
            assertThat(monthEnd.timeZone()).isEqualTo(SHANGHAI);
            assertThat(monthEnd.parameters()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("period", "2024-12", "source", "trigger-now"));
            assertThat(monthEnd.nextFireTime()).contains(nextMonthEnd.toInstant());
        });
    }

    @Test
    void unknownScheduleNameIsRejectedListingTheKnownOnes() {
        // given no schedule named 'month-ends'

        // when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> schedules.triggerNow("month-ends"))
                .withMessage("No schedule named 'month-ends'; schedules: broken-feed, month-end, quarter-report");
    }

    private static JobExecution awaitExecution(String job, String source, BatchStatus status) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> executions(context, job).stream()
                        .filter(execution -> source.equals(execution.getJobParameters().getString("source")))
                        .filter(execution -> execution.getStatus() == status)
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
