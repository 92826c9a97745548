package io.salesops.schedules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.SchedulingException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Makes the Quartz job store match {@code salesops.schedules} at startup, after every bean exists
 * and before the scheduler starts firing.
 *
 * <p>Each schedule is one durable Quartz job and one cron trigger, both named after the schedule in
 * group {@value #GROUP}. A schedule whose stored job and trigger already match the configuration is
 * left alone, so restarts keep its previous fire time, its pause state and any misfire still to be
 * handled. A changed schedule is replaced (and stays paused if it was); a job in group
 * {@value #GROUP} that is no longer configured is deleted. Quartz jobs in other groups are not
 * touched. All changes happen in one transaction, which also makes Quartz's row locks hold.
 */
public class ScheduleRegistrar implements SmartInitializingSingleton {

    /** Quartz group of every job and trigger this registrar owns. */
    public static final String GROUP = "salesops";

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    private final Scheduler scheduler;

    private final SchedulesProperties properties;

    private final ListableBeanFactory beans;

    private final TransactionOperations transactions;

    public ScheduleRegistrar(Scheduler scheduler, SchedulesProperties properties, ListableBeanFactory beans,
            TransactionOperations transactions) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.beans = beans;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        synchronizeStore();
    }

    /**
     * Adds, replaces and removes Quartz jobs and triggers in group {@value #GROUP} until the store
     * holds exactly the configured schedules. Running it twice changes nothing the second time.
     *
     * @throws IllegalStateException when a schedule names no job bean or the job store is in memory
     */
    public void synchronizeStore() {
        List<ScheduleDefinition> schedules = properties.schedules();
        if (!schedules.isEmpty()) {
            requirePersistentStore();
        }
        requireJobBeans(schedules);
        transactions.executeWithoutResult(status -> {
            try {
                Set<JobKey> configured = new HashSet<>();
                for (ScheduleDefinition schedule : schedules) {
                    configured.add(store(schedule));
                }
                removeAllBut(configured);
            }
            catch (SchedulerException ex) {
                throw new SchedulingException("Could not store salesops.schedules in the Quartz job store", ex);
            }
        });
    }

    static JobKey jobKey(String schedule) {
        return JobKey.jobKey(schedule, GROUP);
    }

    static TriggerKey triggerKey(String schedule) {
        return TriggerKey.triggerKey(schedule, GROUP);
    }

    private JobKey store(ScheduleDefinition schedule) throws SchedulerException {
        JobDetail job = jobDetail(schedule);
        CronTrigger trigger = trigger(schedule, job.getKey());
        JobDetail storedJob = scheduler.getJobDetail(job.getKey());
        Trigger storedTrigger = scheduler.getTrigger(trigger.getKey());
        if (sameJob(storedJob, job) && sameTrigger(storedTrigger, trigger)
                && scheduler.getTriggerState(trigger.getKey()) != TriggerState.ERROR) {
            log.debug("Schedule '{}' is unchanged", schedule.name());
            return job.getKey();
        }
        scheduler.addJob(job, true);
        if (storedTrigger == null) {
            scheduler.scheduleJob(trigger);
            log.info("Schedule '{}' added: job '{}' at '{}' {}", schedule.name(), schedule.job(), schedule.cron(),
                    schedule.timeZone());
        }
        else {
            boolean paused = scheduler.getTriggerState(trigger.getKey()) == TriggerState.PAUSED;
            scheduler.rescheduleJob(trigger.getKey(), trigger);
            if (paused) {
                scheduler.pauseTrigger(trigger.getKey());
            }
            log.info("Schedule '{}' updated: job '{}' at '{}' {}{}", schedule.name(), schedule.job(),
                    schedule.cron(), schedule.timeZone(), paused ? " (still paused)" : "");
        }
        return job.getKey();
    }

    private void removeAllBut(Set<JobKey> configured) throws SchedulerException {
        for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!configured.contains(stored)) {
                scheduler.deleteJob(stored);
                log.info("Schedule '{}' removed: no longer in salesops.schedules", stored.getName());
            }
        }
    }

    private static JobDetail jobDetail(ScheduleDefinition schedule) {
        return JobBuilder.newJob(LaunchJobQuartzJob.class)
                .withIdentity(jobKey(schedule.name()))
                .withDescription("Launches Spring Batch job '" + schedule.job() + "'")
                .usingJobData(LaunchRequest.of(schedule).toJobDataMap())
                .storeDurably()
                .build();
    }

    private static CronTrigger trigger(ScheduleDefinition schedule, JobKey job) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
                .inTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(schedule.name()))
                .forJob(job)
                .withSchedule(schedule.misfire().applyTo(cron))
                .build();
    }

    private static boolean sameJob(JobDetail stored, JobDetail wanted) {
        return stored != null
                && stored.getJobClass().equals(wanted.getJobClass())
                && stored.isDurable()
                && stored.getJobDataMap().getWrappedMap().equals(wanted.getJobDataMap().getWrappedMap());
    }

    private static boolean sameTrigger(Trigger stored, CronTrigger wanted) {
        return stored instanceof CronTrigger cron
                && cron.getJobKey().equals(wanted.getJobKey())
                && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && cron.getMisfireInstruction() == wanted.getMisfireInstruction();
    }

    private void requirePersistentStore() {
        try {
            if (!scheduler.getMetaData().isJobStoreSupportsPersistence()) {
                throw new IllegalStateException("salesops.schedules needs a persistent Quartz job store so that"
                        + " schedules and missed fire times survive a restart: set spring.quartz.job-store-type=jdbc"
                        + " (the store is " + scheduler.getMetaData().getJobStoreClass().getName() + ")");
            }
        }
        catch (SchedulerException ex) {
            throw new SchedulingException("Could not read the Quartz scheduler's metadata", ex);
        }
    }

    private void requireJobBeans(List<ScheduleDefinition> schedules) {
        Set<String> jobBeans = new TreeSet<>(List.of(beans.getBeanNamesForType(Job.class)));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            String job = schedules.get(i).job();
            if (!jobBeans.contains(job)) {
                problems.add(SchedulesProperties.key(i) + ".job must name a Spring Batch job bean, cannot be: '"
                        + job + "' (job beans: " + String.join(", ", jobBeans) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), problems));
        }
    }
}
