package io.salesops.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A schedule as the Quartz job store holds it now.
 *
 * @param name the schedule's name
 * @param job bean name of the Spring Batch job it launches
 * @param cron its Quartz cron expression
 * @param timeZone zone the cron and the period rule are read in
 * @param parameters job parameters as configured ({@code period} still a rule)
 * @param state whether it waits, runs, is paused or is broken
 * @param nextFireTime when the cron fires next; empty when it never will
 * @param previousFireTime when the cron last fired; empty when it never has. Launches made with
 *        {@link ScheduleService#triggerNow(String)} do not count: see the Spring Batch history for those
 */
public record ScheduleStatus(String name, String job, String cron, ZoneId timeZone, Map<String, String> parameters,
        State state, Optional<Instant> nextFireTime, Optional<Instant> previousFireTime) {

    public enum State {
        /** Waiting for its next fire time. */
        WAITING,
        /** Its job is running now; further fire times wait until it ends. */
        RUNNING,
        /** Paused: it does not fire until resumed, then handles missed fire times by its misfire policy. */
        PAUSED,
        /** Quartz could not run it (for example its job class could not be loaded); restart to re-register. */
        ERROR,
        /** It has no trigger that will fire again. */
        UNSCHEDULED
    }
}
