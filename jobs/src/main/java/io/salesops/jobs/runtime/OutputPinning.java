package io.salesops.jobs.runtime;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Saves the job context, with the versions a step published ({@link InputPinning#recordOutput}),
 * before the step is recorded as completed. Spring Batch saves the job context only after the
 * step's final status, so a kill between the two left a completed step whose output no later
 * step could find: the restart then failed for good ("the snapshot ... does not pin table ...").
 */
public final class OutputPinning implements StepExecutionListener {

    private final JobRepository jobRepository;

    public OutputPinning(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (InputPinning.pinned(step.getJobExecution()).isPresent()) {
            jobRepository.updateExecutionContext(step.getJobExecution());
        }
        return step.getExitStatus();
    }
}
