package io.salesops.schedules;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.BeanFactory;

/**
 * The bridge from Quartz to Spring Batch: reads the job name and parameters from the Quartz job
 * data, resolves the {@code period} rule at the scheduled fire time, adds a fresh {@code run}, and
 * launches the job through the {@link JobOperator}. No business logic lives here.
 *
 * <p>Quartz creates one instance per firing through Boot's {@code SpringBeanJobFactory}, which
 * injects the constructor arguments. The schedule's name is the Quartz job's name.
 * {@link DisallowConcurrentExecution} keeps one schedule from running twice at once; with Spring
 * Batch's default synchronous task executor the Quartz thread stays busy until the job ends, so that
 * guarantee covers the whole job run.
 *
 * <p>A launch that fails (no such job bean, parameters rejected, or the job execution ends
 * FAILED) is logged with the schedule's name and rethrown as a {@link JobExecutionException}; a
 * FAILED execution is also in the Spring Batch history like any other. Quartz does not refire it:
 * rerun with {@link ScheduleService#triggerNow(String)} once the cause is fixed.
 */
@DisallowConcurrentExecution
public class LaunchJobQuartzJob implements org.quartz.Job {

    private static final Logger log = LoggerFactory.getLogger(LaunchJobQuartzJob.class);

    /** Last run number handed out in this JVM, so two launches in one millisecond still differ. */
    private static final AtomicLong lastRun = new AtomicLong();

    private final BeanFactory beans;

    private final JobOperator jobOperator;

    public LaunchJobQuartzJob(BeanFactory beans, JobOperator jobOperator) {
        this.beans = beans;
        this.jobOperator = jobOperator;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String schedule = context.getJobDetail().getKey().getName();
        String job = context.getMergedJobDataMap().getString(LaunchRequest.JOB_KEY);
        JobExecution execution;
        try {
            LaunchRequest request = LaunchRequest.from(context.getMergedJobDataMap());
            JobParameters parameters = request.jobParameters(context.getScheduledFireTime().toInstant(),
                    nextRun(context.getFireTime().toInstant()));
            Job batchJob = beans.getBean(request.job(), Job.class);
            log.info("Schedule '{}' launches job '{}' with {}", schedule, job, parameters);
            execution = jobOperator.start(batchJob, parameters);
        }
        catch (Exception ex) {
            log.error("Schedule '{}' could not launch job '{}'", schedule, job, ex);
            throw new JobExecutionException("Schedule '" + schedule + "' could not launch job '" + job + "': "
                    + ex.getMessage(), ex, false);
        }
        if (execution.getStatus().isUnsuccessful()) {
            // Spring Batch has logged the stack trace already; name the schedule and the cause once more.
            log.error("Schedule '{}': job '{}' execution {} ended {}: {}", schedule, job, execution.getId(),
                    execution.getStatus(), execution.getAllFailureExceptions().stream()
                            .map(Throwable::toString)
                            .collect(Collectors.joining("; ")));
            throw new JobExecutionException("Schedule '" + schedule + "': job '" + job + "' execution "
                    + execution.getId() + " ended " + execution.getStatus(), false);
        }
        log.info("Schedule '{}': job '{}' execution {} ended {}", schedule, job, execution.getId(),
                execution.getStatus());
    }

    private static long nextRun(Instant firedAt) {
        return lastRun.updateAndGet(last -> Math.max(last + 1, firedAt.toEpochMilli()));
    }
}
