package io.salesops.schedules;

import org.quartz.CronScheduleBuilder;

/**
 * What a schedule does about fire times it missed: the application was down, the schedule was
 * paused, or every Quartz thread was busy for longer than the misfire threshold (60 s by default).
 */
public enum MisfirePolicy {

    /**
     * Fire once as soon as possible, however many fire times were missed, then go on with the cron.
     * Right for month-end work: a close missed while the server was down still happens.
     */
    FIRE_ONCE_NOW {
        @Override
        CronScheduleBuilder applyTo(CronScheduleBuilder cron) {
            return cron.withMisfireHandlingInstructionFireAndProceed();
        }
    },

    /**
     * Drop the missed fire times and wait for the next one. Right for work that only makes sense
     * on time, such as a frequent refresh that the next run will cover anyway.
     */
    SKIP {
        @Override
        CronScheduleBuilder applyTo(CronScheduleBuilder cron) {
            return cron.withMisfireHandlingInstructionDoNothing();
        }
    };

    abstract CronScheduleBuilder applyTo(CronScheduleBuilder cron);
}
