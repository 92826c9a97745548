package io.salesops.schedules;

import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the schedules into an application that has Boot's Quartz auto-configuration (the
 * {@link Scheduler}, JDBC store) and Spring Batch (the {@code JobOperator} and the job beans).
 * Import it ({@code @Import(SchedulesConfiguration.class)}, as the application does).
 *
 * <p>Every change to the Quartz store runs in a transaction of the application's transaction
 * manager: with a JDBC store on Spring's {@code LocalDataSourceJobStore}, Quartz's row locks only
 * hold inside the caller's transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulesProperties.class)
public class SchedulesConfiguration {

    /**
     * Makes the scheduler thread wait for a transaction that is storing a trigger instead of reading
     * past it: without it, a schedule triggered by hand may wait for the scheduler's next idle poll
     * ({@code org.quartz.scheduler.idleWaitTime}, 30 s by default).
     */
    static final String ACQUIRE_TRIGGERS_WITHIN_LOCK =
            "spring.quartz.properties.org.quartz.jobStore.acquireTriggersWithinLock";

    private static final Logger log = LoggerFactory.getLogger(SchedulesConfiguration.class);

    @Bean
    ScheduleRegistrar scheduleRegistrar(Scheduler scheduler, SchedulesProperties properties,
            ListableBeanFactory beans, PlatformTransactionManager transactionManager) {
        return new ScheduleRegistrar(scheduler, properties, beans, new TransactionTemplate(transactionManager));
    }

    @Bean
    ScheduleService scheduleService(Scheduler scheduler, PlatformTransactionManager transactionManager,
            Environment environment) {
        if (!environment.getProperty(ACQUIRE_TRIGGERS_WITHIN_LOCK, Boolean.class, false)) {
            log.warn("{} is not true: a schedule triggered by hand may wait up to 30 s before it runs",
                    ACQUIRE_TRIGGERS_WITHIN_LOCK);
        }
        return new ScheduleService(scheduler, new TransactionTemplate(transactionManager));
    }
}
