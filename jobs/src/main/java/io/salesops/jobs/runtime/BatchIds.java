package io.salesops.jobs.runtime;

import org.springframework.batch.core.step.StepContribution;

/**
 * Staging names derive from the job instance, not the execution: a restart of the same instance
 * finds and finishes what the failed execution staged, while a rerun (new instance) starts afresh.
 */
public final class BatchIds {
    private BatchIds() {
    }

    public static String of(StepContribution contribution, String purpose) {
        long instance = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        return purpose + "-" + instance;
    }
}
