package io.salesops.schedules;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

import static io.salesops.schedules.ScheduledJobsTestApplication.REPORT_PERIOD;
import static io.salesops.schedules.ScheduledJobsTestApplication.executions;
import static io.salesops.schedules.ScheduledJobsTestApplication.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Schedules live in the Quartz JDBC store: a restart on the same database keeps and reconciles them. */
class ScheduleStoreRestartTest {

    private static final List<String> MONTH_END = schedule(0, "month-end", REPORT_PERIOD, "0 0 2 1 * ?",
            "period=previous-month");

    @TempDir
    Path dataDir;

    @Test
    void restartFindsTheSameTriggerOnceWithItsPauseKept() throws SchedulerException {
        // given a first run that stored the schedule and paused it
        Date firstStartTime;
        try (ConfigurableApplicationContext first = start(MONTH_END)) {
            first.getBean(ScheduleService.class).pause("month-end");
            firstStartTime = scheduler(first).getTrigger(ScheduleRegistrar.triggerKey("month-end")).getStartTime();
        }

        // when the application starts again with the same configuration
        try (ConfigurableApplicationContext second = start(MONTH_END)) {

            // then the stored trigger is there once, not re-created, and still paused
            Scheduler scheduler = scheduler(second);
            assertThat(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleRegistrar.GROUP)))
                    .containsExactly(ScheduleRegistrar.triggerKey("month-end"));
            assertThat(scheduler.getTrigger(ScheduleRegistrar.triggerKey("month-end")).getStartTime())
                    .isEqualTo(firstStartTime);
            assertThat(second.getBean(ScheduleService.class).get("month-end").state())
                    .isEqualTo(ScheduleStatus.State.PAUSED);
        }
    }

    @Test
    void restartWithChangedConfigurationUpdatesAndRemovesOnlyItsOwnSchedules() throws SchedulerException {
        // given a first run with two schedules, and a Quartz job that someone else stored in another group
        JobKey othersJob = JobKey.jobKey("nightly-cleanup", "other-team");
        try (ConfigurableApplicationContext first = start(concat(MONTH_END,
                schedule(1, "daily-refresh", REPORT_PERIOD, "0 0 6 * * ?")))) {
            scheduler(first).addJob(JobBuilder.newJob(LaunchJobQuartzJob.class).withIdentity(othersJob)
                    .usingJobData(LaunchRequest.JOB_KEY, REPORT_PERIOD).storeDurably().build(), false);
        }

        // when the month-end moves to 02:30 and the daily refresh is no longer configured
        try (ConfigurableApplicationContext second = start(schedule(0, "month-end", REPORT_PERIOD, "0 30 2 1 * ?",
                "period=previous-month"))) {

            // then
            ScheduleService schedules = second.getBean(ScheduleService.class);
            assertThat(schedules.list()).extracting(ScheduleStatus::name).containsExactly("month-end");
            assertThat(schedules.get("month-end").cron()).isEqualTo("0 30 2 1 * ?");
            assertThat(scheduler(second).checkExists(othersJob)).isTrue();
        }
    }

    @Test
    void monthEndMissedWhileDownFiresOnceAtStartupAndSkippedRefreshWaitsForItsNextTime() throws Exception {
        // given both schedules were due an hour ago, while the application was down
        List<String> configuration = concat(
                schedule(0, "month-end", REPORT_PERIOD, "0 0 2 1 * ?", "period=previous-month",
                        "source=fire-once-now"),
                schedule(1, "daily-refresh", REPORT_PERIOD, "0 0 4 * * ?", "source=skip"),
                List.of("--salesops.schedules[1].misfire=skip"));
        start(configuration).close();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        setNextFireTime("month-end", anHourAgo);
        setNextFireTime("daily-refresh", anHourAgo);

        // when the application starts again
        try (ConfigurableApplicationContext second = start(configuration)) {

            // then the month-end runs once now; the refresh does not run and waits for its next time
            await().atMost(Duration.ofSeconds(15)).until(() -> executions(second, REPORT_PERIOD).stream()
                    .anyMatch(execution -> execution.getStatus() == BatchStatus.COMPLETED));
            assertThat(executions(second, REPORT_PERIOD))
                    .extracting(execution -> execution.getJobParameters().getString("source"))
                    .containsExactly("fire-once-now");
            ScheduleService schedules = second.getBean(ScheduleService.class);
            assertThat(schedules.get("daily-refresh").nextFireTime()).get()
                    .matches(next -> next.isAfter(anHourAgo.plus(Duration.ofHours(1))));
            assertThat(schedules.get("month-end").nextFireTime()).get()
                    .matches(next -> next.isAfter(anHourAgo.plus(Duration.ofHours(1))));
        }
    }

    private ConfigurableApplicationContext start(List<String> arguments) {
        return ScheduledJobsTestApplication.start(dataDir, arguments.toArray(String[]::new));
    }

    /** Rewrites the stored next fire time, as if the application had been down when it passed. */
    private void setNextFireTime(String schedule, Instant next) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ScheduledJobsTestApplication.h2Url(dataDir));
                PreparedStatement update = connection.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ?"
                        + " WHERE TRIGGER_NAME = ? AND TRIGGER_GROUP = ?")) {
            update.setLong(1, next.toEpochMilli());
            update.setString(2, schedule);
            update.setString(3, ScheduleRegistrar.GROUP);
            assertThat(update.executeUpdate()).isOne();
        }
    }

    private static Scheduler scheduler(ConfigurableApplicationContext context) {
        return context.getBean(Scheduler.class);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... arguments) {
        List<String> all = new ArrayList<>();
        Stream.of(arguments).forEach(all::addAll);
        return all;
    }
}
