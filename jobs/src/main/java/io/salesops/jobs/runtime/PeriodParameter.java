package io.salesops.jobs.runtime;

import java.time.YearMonth;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.boot.batch.autoconfigure.BatchConversionServiceCustomizer;
import org.springframework.core.convert.converter.Converter;

/**
 * The {@code period} job parameter of every period job: a {@link YearMonth}, typed in the job
 * repository (stored as {@code YYYY-MM} with the type {@code java.time.YearMonth}), so a step
 * receives the month itself ({@code @Value("#{jobParameters['period']}") YearMonth}) and nothing
 * after the launcher parses text. Text typed by a user or written in a schedule becomes a month
 * once, where it enters: {@code io.salesops.schedules.PeriodRule#parse}.
 */
public final class PeriodParameter implements JobParametersValidator {

    public static final String NAME = "period";

    /** Adds the identifying period parameter. */
    public static JobParametersBuilder add(JobParametersBuilder builder, YearMonth period) {
        return builder.addJobParameter(NAME, period, YearMonth.class, true);
    }

    /**
     * The period of a job's parameters.
     *
     * @throws IllegalArgumentException when there is none, or it is not a month
     */
    public static YearMonth of(JobParameters parameters) {
        JobParameter<?> parameter = parameters == null ? null : parameters.getParameter(NAME);
        if (parameter == null) {
            throw new IllegalArgumentException("the job parameter period (a month, YYYY-MM) is required");
        }
        if (!(parameter.value() instanceof YearMonth month)) {
            // e.g. an execution recorded before the period was typed: its restart is refused, not guessed
            throw new IllegalArgumentException("the job parameter period must be a java.time.YearMonth, cannot be a "
                    + parameter.type().getName() + " (" + parameter.value() + "); start a new run of the period");
        }
        return month;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        try {
            of(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    /** Lets the JDBC job repository store and read back a {@link YearMonth} parameter. */
    public static BatchConversionServiceCustomizer conversions() {
        return service -> {
            service.addConverter(YearMonth.class, String.class, (Converter<YearMonth, String>) YearMonth::toString);
            service.addConverter(String.class, YearMonth.class, (Converter<String, YearMonth>) YearMonth::parse);
        };
    }
}
