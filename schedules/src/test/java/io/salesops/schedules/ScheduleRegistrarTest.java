package io.salesops.schedules;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ScheduleRegistrarTest {

    private Scheduler inMemory;

    @AfterEach
    void shutDown() throws SchedulerException {
        inMemory.shutdown();
    }

    @Test
    void schedulesInAnInMemoryJobStoreAreRefusedNamingTheProperty() throws SchedulerException {
        // given Quartz's default RAMJobStore, which forgets schedules and missed fire times on restart
        Properties quartz = new Properties();
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "in-memory-test");
        quartz.setProperty("org.quartz.threadPool.threadCount", "1");
        inMemory = new StdSchedulerFactory(quartz).getScheduler();
        SchedulesProperties properties = new SchedulesProperties(List.of(new ScheduleDefinition("month-end",
                "monthEndClose", "0 0 2 1 * ?", null, Map.of(), null)));
        ScheduleRegistrar registrar = new ScheduleRegistrar(inMemory, properties, new DefaultListableBeanFactory(),
                TransactionOperations.withoutTransaction());

        // when / then
        assertThatIllegalStateException()
                .isThrownBy(registrar::synchronizeStore)
                .withMessage("salesops.schedules needs a persistent Quartz job store so that schedules and missed"
                        + " fire times survive a restart: set spring.quartz.job-store-type=jdbc (the store is"
                        + " org.quartz.simpl.RAMJobStore)");
    }
}
