package io.salesops.jobs.runtime;

import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Restarts a failed or interrupted execution from its first incomplete step.
 *
 * <p>An execution still marked STARTED whose owning process is gone (killed with -9, power loss)
 * is first recovered: Spring Batch's {@link JobOperator#recover} marks it and its running steps
 * FAILED, after which the ordinary restart applies. An execution whose owner is alive is refused.
 */
public final class ExecutionRestarter {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    public ExecutionRestarter(JobRepository jobRepository, JobOperator jobOperator) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    /** What {@code salesops jobs} shows: the stored status, or that the owner died. */
    public String displayStatus(JobExecution execution) {
        if (execution.getStatus().isRunning() && isOrphaned(execution)) {
            return execution.getStatus() + " (process gone: restart it)";
        }
        return execution.getStatus().toString();
    }

    public boolean isOrphaned(JobExecution execution) {
        return ProcessOwner.readFrom(execution.getExecutionContext()).map(ProcessOwner::isDeadOnThisHost)
                .orElse(execution.getStartTime() == null);
    }

    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution = find(executionId).orElseThrow(() -> new IllegalArgumentException(
                "there is no execution " + executionId + "; `salesops jobs` lists them"));
        String what = "execution " + executionId + " of " + execution.getJobInstance().getJobName();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalStateException(what + " already COMPLETED; to run the period again use `salesops run "
                    + execution.getJobInstance().getJobName() + "`");
        }
        if (execution.getStatus() == BatchStatus.ABANDONED) {
            throw new IllegalStateException(what + " was ABANDONED and cannot be restarted");
        }
        if (execution.getStatus().isRunning()) {
            if (!isOrphaned(execution)) {
                ProcessOwner owner = ProcessOwner.readFrom(execution.getExecutionContext()).orElseThrow();
                throw new IllegalStateException(what + " is still running in process " + owner.pid() + " on "
                        + owner.host());
            }
            execution = jobOperator.recover(execution);
        }
        return jobOperator.restart(execution);
    }

    /** The JDBC repository throws for an unknown id (Spring's "Incorrect result size") instead of returning null. */
    private Optional<JobExecution> find(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }
}
