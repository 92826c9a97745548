package io.salesops.jobs.runtime;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The optional {@code horizon} job parameter of the forecast job: how many months after the period
 * to forecast, a {@code Long} from 1 to {@value #MAX}; the configured default when absent.
 */
public final class HorizonParameter implements JobParametersValidator {

    public static final String NAME = "horizon";
    /** Two years: beyond that a monthly run-rate model says little. */
    public static final int MAX = 24;

    /** Adds the identifying horizon: another horizon is another forecast. */
    public static JobParametersBuilder add(JobParametersBuilder builder, int horizon) {
        return builder.addJobParameter(NAME, (long) horizon, Long.class, true);
    }

    /** The horizon of the parameters, or {@code otherwise} when they have none. */
    public static int of(JobParameters parameters, int otherwise) {
        JobParameter<?> parameter = parameters == null ? null : parameters.getParameter(NAME);
        if (parameter == null) {
            return otherwise;
        }
        if (!(parameter.value() instanceof Long months) || months < 1 || months > MAX) {
            throw new IllegalArgumentException("the job parameter horizon must be a whole number of months from 1 to "
                    + MAX + ", cannot be: " + parameter.value());
        }
        return months.intValue();
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        try {
            of(parameters, 1);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
