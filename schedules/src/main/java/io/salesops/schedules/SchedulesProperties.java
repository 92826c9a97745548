package io.salesops.schedules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured schedules, bound from {@code salesops.schedules[n].*}.
 *
 * <p>Bound at prefix {@code salesops} so that the list itself sits at {@code salesops.schedules}
 * and every message can name the exact key, such as {@code salesops.schedules[0].cron}. All broken
 * rules are reported together, one per line, and the application does not start.
 *
 * @param schedules the schedules, in configuration order; empty when none are configured
 */
@ConfigurationProperties(SchedulesProperties.PREFIX)
public record SchedulesProperties(List<ScheduleDefinition> schedules) {

    static final String PREFIX = "salesops";

    static final String SCHEDULES_KEY = PREFIX + ".schedules";

    public SchedulesProperties {
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        List<String> problems = new ArrayList<>();
        Map<String, String> keyByName = new HashMap<>();
        for (int i = 0; i < schedules.size(); i++) {
            String key = key(i);
            ScheduleDefinition schedule = schedules.get(i);
            problems.addAll(schedule.problems(key));
            String firstKey = schedule.name() == null ? null : keyByName.putIfAbsent(schedule.name(), key);
            if (firstKey != null) {
                problems.add(key + ".name must be unique, cannot be: '" + schedule.name()
                        + "' (already used by " + firstKey + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
    }

    /** @return the configuration key of the schedule at {@code index}, such as {@code salesops.schedules[0]} */
    static String key(int index) {
        return SCHEDULES_KEY + "[" + index + "]";
    }
}
