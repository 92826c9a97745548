package io.salesops.schedules;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quartz.JobDataMap;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one schedule launches, as stored in the Quartz job store: the {@link JobDataMap} of the
 * schedule's Quartz job holds only strings (safe with {@code org.quartz.jobStore.useProperties=true}
 * and across class changes), written by {@link #toJobDataMap()} and read back by {@link #from}.
 *
 * @param job bean name of the Spring Batch job
 * @param timeZone zone the {@code period} rule is resolved in
 * @param parameters job parameters as configured; {@code period} may still be a rule
 */
record LaunchRequest(String job, ZoneId timeZone, Map<String, String> parameters) {

    static final String JOB_KEY = "job";

    static final String TIME_ZONE_KEY = "time-zone";

    static final String PARAMETER_KEY_PREFIX = "parameter.";

    LaunchRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static LaunchRequest of(ScheduleDefinition definition) {
        return new LaunchRequest(definition.job(), definition.timeZone(),
                definition.parameters());
    }

    static LaunchRequest from(JobDataMap data) {
        Map<String, String> parameters = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(PARAMETER_KEY_PREFIX)) {
                parameters.put(key.substring(PARAMETER_KEY_PREFIX.length()), String.valueOf(value));
            }
        });
        return new LaunchRequest(required(data, JOB_KEY),
                ZoneId.of(required(data, TIME_ZONE_KEY)), parameters);
    }

    JobDataMap toJobDataMap() {
        JobDataMap data = new JobDataMap();
        data.put(JOB_KEY, job);
        data.put(TIME_ZONE_KEY, timeZone.getId());
        parameters.forEach((name, value) -> data.put(PARAMETER_KEY_PREFIX + name, value));
        return data;
    }

    /**
     * @param firedAt when the schedule fired; the {@code period} rule is resolved against it
     * @param run a number not used by any earlier launch of this job, so that the job instance is new
     * @return the configured parameters with {@code period} resolved to a {@link YearMonth}, plus {@code run};
     *         all identifying
     */
    JobParameters jobParameters(Instant firedAt, long run) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach((name, value) -> {
            if (ScheduleDefinition.PERIOD.equals(name)) {
                // typed: the job receives the month, and the job repository stores it as YYYY-MM
                builder.addJobParameter(name, PeriodRule.resolve(value, firedAt, timeZone), YearMonth.class, true);
            } else {
                builder.addString(name, value);
            }
        });
        return builder.addLong(ScheduleDefinition.RUN, run).toJobParameters();
    }

    private static String required(JobDataMap data, String key) {
        String value = data.getString(key);
        if (value == null) {
            throw new IllegalArgumentException("Quartz job data has no '" + key + "': " + data.getWrappedMap()
                    + "; was this Quartz job written by the ScheduleRegistrar?");
        }
        return value;
    }
}
