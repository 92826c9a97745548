package io.salesops.jobs.runtime;

import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The parameter checks of a job, run in order before any step. Unlike Spring Batch's composite it
 * tells what it checks, so the CLI can ask whether a job takes a period or {@code asOf}.
 */
public final class JobParameterRules implements JobParametersValidator {

    private final List<JobParametersValidator> rules;

    public JobParameterRules(JobParametersValidator... rules) {
        this.rules = List.of(rules);
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        for (JobParametersValidator rule : rules) {
            rule.validate(parameters);
        }
    }

    /** True when the job checks its parameters with a rule of this type, e.g. {@link PeriodParameter}. */
    public static boolean takes(Job job, Class<? extends JobParametersValidator> rule) {
        JobParametersValidator validator = job.getJobParametersValidator();
        if (validator instanceof JobParameterRules composite) {
            return composite.rules.stream().anyMatch(rule::isInstance);
        }
        return rule.isInstance(validator);
    }
}
