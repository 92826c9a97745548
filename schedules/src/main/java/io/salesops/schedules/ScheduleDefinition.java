package io.salesops.schedules;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.quartz.CronExpression;

/**
 * One configured schedule: run the Spring Batch job bean {@code job} whenever {@code cron} fires in
 * {@code timeZone}, with {@code parameters} as job parameters.
 *
 * <p>Missing optional values take their defaults here; the rules are checked by
 * {@link #problems(String)} so each message can name the full configuration key (the list index is
 * known only to {@link SchedulesProperties}).
 *
 * @param name unique name, also the Quartz job and trigger name in group {@value ScheduleRegistrar#GROUP}
 * @param job bean name of the Spring Batch job to launch
 * @param cron Quartz cron expression (seconds first; {@code ?} in day-of-month or day-of-week)
 * @param timeZone zone the cron and the period rule are read in; default {@value #DEFAULT_TIME_ZONE}
 * @param parameters job parameters; {@code period} may be a {@link PeriodRule}
 * @param misfire what to do about missed fire times; default {@link MisfirePolicy#FIRE_ONCE_NOW}
 */
public record ScheduleDefinition(String name, String job, String cron, ZoneId timeZone,
        Map<String, String> parameters, MisfirePolicy misfire) {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    /** Job parameter whose value is a {@link PeriodRule}. */
    public static final String PERIOD = "period";

    /** Job parameter the bridge adds to every launch; configuring it is an error. */
    public static final String RUN = "run";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ScheduleDefinition {
        timeZone = timeZone == null ? ZoneId.of(DEFAULT_TIME_ZONE) : timeZone;
        parameters = parameters == null ? Map.of() : unmodifiableCopy(parameters);
        misfire = misfire == null ? MisfirePolicy.FIRE_ONCE_NOW : misfire;
    }

    /**
     * @param key where this schedule came from, such as {@code salesops.schedules[0]}
     * @return one message per broken rule, each naming the key, the rule and the bad value
     */
    List<String> problems(String key) {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(key + ".name must be 1 to 100 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit, cannot be: " + quoted(name));
        }
        if (job == null || job.isBlank()) {
            problems.add(key + ".job must name a Spring Batch job bean, cannot be: " + quoted(job));
        }
        if (cron == null || cron.isBlank()) {
            problems.add(key + ".cron must be a Quartz cron expression, cannot be: " + quoted(cron));
        }
        else {
            try {
                CronExpression.validateExpression(cron);
            }
            catch (ParseException ex) {
                problems.add(key + ".cron is not a valid Quartz cron expression: " + quoted(cron) + " ("
                        + ex.getMessage() + "); Quartz cron is 'second minute hour day-of-month month"
                        + " day-of-week [year]' with '?' in one of the two day fields");
            }
        }
        if (parameters.containsKey(RUN)) {
            problems.add(key + ".parameters." + RUN + " is reserved: every launch gets a fresh run"
                    + " number so that the same period can be rerun");
        }
        String period = parameters.get(PERIOD);
        if (period != null) {
            try {
                PeriodRule.check(period);
            }
            catch (IllegalArgumentException ex) {
                problems.add(key + ".parameters." + PERIOD + " " + ex.getMessage());
            }
        }
        return problems;
    }

    private static Map<String, String> unmodifiableCopy(Map<String, String> parameters) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
