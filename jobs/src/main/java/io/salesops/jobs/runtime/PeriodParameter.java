package io.salesops.jobs.runtime;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/** Every period job takes {@code period=YYYY-MM}; this checks it before any step runs. */
public final class PeriodParameter implements JobParametersValidator {

    public static final String NAME = "period";

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        String value = parameters == null ? null : parameters.getString(NAME);
        if (value == null) {
            throw new InvalidJobParametersException("the job parameter period (YYYY-MM) is required");
        }
        parse(value);
    }

    public static YearMonth parse(String value) throws InvalidJobParametersException {
        try {
            if (!value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("pattern", value, 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidJobParametersException("period must be a month written YYYY-MM, cannot be: " + value);
        }
    }
}
