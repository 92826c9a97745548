package io.salesops.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.scheduling.SchedulingException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the CLI needs to look at and steer schedules: list them with their fire times, fire one
 * now, pause and resume. Everything reads and writes the Quartz job store, so a pause survives a
 * restart (the {@link ScheduleRegistrar} keeps it).
 *
 * <p>Called from a process whose scheduler is not started (a CLI command beside a running
 * {@code salesops serve}), {@link #triggerNow(String)} stores a one-off trigger that the serving
 * scheduler picks up the next time it polls the store (within
 * {@code org.quartz.scheduler.idleWaitTime}, 30 s by default).
 */
public class ScheduleService {

    private final Scheduler scheduler;

    private final TransactionOperations transactions;

    /**
     * @param transactions transactions on the job store's DataSource: Spring's
     *        {@code LocalDataSourceJobStore} takes its locks in the caller's transaction, so a call
     *        outside one can expose a half-written trigger to the scheduler thread
     */
    public ScheduleService(Scheduler scheduler, TransactionOperations transactions) {
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    /** @return every schedule in the store, by name */
    public List<ScheduleStatus> list() {
        return inTransaction("Could not list schedules", () -> {
            List<ScheduleStatus> schedules = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleRegistrar.GROUP))) {
                schedules.add(status(key));
            }
            schedules.sort(Comparator.comparing(ScheduleStatus::name));
            return schedules;
        });
    }

    /** @throws IllegalArgumentException when no schedule has that name */
    public ScheduleStatus get(String name) {
        return inTransaction("Could not read schedule '" + name + "'", () -> status(existing(name)));
    }

    /**
     * Fires the schedule once, now, as if its cron had fired: {@code previous-month} is resolved
     * against now. Its cron trigger is unaffected; a paused schedule fires too.
     *
     * @throws IllegalArgumentException when no schedule has that name
     */
    public void triggerNow(String name) {
        inTransaction("Could not trigger schedule '" + name + "'", () -> {
            scheduler.triggerJob(existing(name));
            return null;
        });
    }

    /**
     * Stops the schedule from firing until {@link #resume(String)}; a run in progress goes on.
     *
     * @throws IllegalArgumentException when no schedule has that name
     */
    public void pause(String name) {
        inTransaction("Could not pause schedule '" + name + "'", () -> {
            scheduler.pauseJob(existing(name));
            return null;
        });
    }

    /**
     * Lets the schedule fire again. Fire times missed while paused are handled by its misfire
     * policy: with {@link MisfirePolicy#FIRE_ONCE_NOW} it fires once at once.
     *
     * @throws IllegalArgumentException when no schedule has that name
     */
    public void resume(String name) {
        inTransaction("Could not resume schedule '" + name + "'", () -> {
            scheduler.resumeJob(existing(name));
            return null;
        });
    }

    private <T> T inTransaction(String failure, SchedulerWork<T> work) {
        return transactions.execute(status -> {
            try {
                return work.run();
            }
            catch (SchedulerException ex) {
                throw new SchedulingException(failure, ex);
            }
        });
    }

    private JobKey existing(String name) throws SchedulerException {
        JobKey key = ScheduleRegistrar.jobKey(name);
        if (!scheduler.checkExists(key)) {
            String known = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleRegistrar.GROUP)).stream()
                    .map(JobKey::getName)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("No schedule named '" + name + "'; schedules: "
                    + (known.isEmpty() ? "none" : known));
        }
        return key;
    }

    private ScheduleStatus status(JobKey key) throws SchedulerException {
        JobDetail job = scheduler.getJobDetail(key);
        LaunchRequest request = LaunchRequest.from(job.getJobDataMap());
        Trigger trigger = scheduler.getTrigger(ScheduleRegistrar.triggerKey(key.getName()));
        String cron = trigger instanceof CronTrigger cronTrigger ? cronTrigger.getCronExpression() : null;
        TriggerState state = trigger == null ? TriggerState.NONE : scheduler.getTriggerState(trigger.getKey());
        return new ScheduleStatus(key.getName(), request.job(), cron, request.timeZone(), request.parameters(),
                state(state), instant(trigger == null ? null : trigger.getNextFireTime()),
                instant(trigger == null ? null : trigger.getPreviousFireTime()));
    }

    private static ScheduleStatus.State state(TriggerState state) {
        return switch (state) {
            case NORMAL -> ScheduleStatus.State.WAITING;
            case BLOCKED -> ScheduleStatus.State.RUNNING;
            case PAUSED -> ScheduleStatus.State.PAUSED;
            case ERROR -> ScheduleStatus.State.ERROR;
            case COMPLETE, NONE -> ScheduleStatus.State.UNSCHEDULED;
        };
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    @FunctionalInterface
    private interface SchedulerWork<T> {

        T run() throws SchedulerException;
    }
}
