package io.salesops.jobs.runtime;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records which operating-system process runs an execution (pid and the process's start instant)
 * in the execution context, saved at once. A later {@code salesops restart} compares it with the
 * live processes to tell a killed run from a running one, without manual database edits.
 */
public final class ProcessOwnerListener implements JobExecutionListener {

    private final JobRepository jobRepository;

    public ProcessOwnerListener(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        ProcessOwner.current().writeTo(jobExecution.getExecutionContext());
        jobRepository.updateExecutionContext(jobExecution);
    }
}
