package io.salesops.schedules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A real application around the schedules: Boot's Quartz (JDBC store) and Spring Batch
 * auto-configuration on an H2 file database, and two tiny jobs. Settings shared by every test are
 * in {@code src/test/resources/application.properties}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SchedulesConfiguration.class)
class ScheduledJobsTestApplication {

    static final String REPORT_PERIOD = "reportPeriod";

    static final String ALWAYS_FAILS = "alwaysFails";

    /**
     * Starts the application on the H2 database in {@code dataDir}, which outlives the context.
     *
     * @param arguments command-line style settings, such as {@code --salesops.schedules[0].name=x}
     */
    static ConfigurableApplicationContext start(Path dataDir, String... arguments) {
        String[] args = Stream.concat(Stream.of("--spring.datasource.url=" + h2Url(dataDir)), Stream.of(arguments))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ScheduledJobsTestApplication.class).logStartupInfo(false).run(args);
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("salesops") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Settings for one schedule at {@code salesops.schedules[index]}, as command-line arguments. */
    static List<String> schedule(int index, String name, String job, String cron, String... parameters) {
        String key = "--salesops.schedules[" + index + "].";
        List<String> arguments = new ArrayList<>(List.of(key + "name=" + name, key + "job=" + job,
                key + "cron=" + cron));
        for (String parameter : parameters) {
            arguments.add(key + "parameters." + parameter);
        }
        return arguments;
    }

    /** Every execution of the job named {@code jobName}, newest instance first. */
    static List<JobExecution> executions(ConfigurableApplicationContext context, String jobName) {
        JobRepository repository = context.getBean(JobRepository.class);
        return repository.findJobInstances(jobName).stream()
                .flatMap(instance -> repository.getJobExecutions(instance).stream())
                .toList();
    }

    /**
     * The period a schedule launches with is a YearMonth; in the application the jobs module teaches
     * the job repository to store one (PeriodParameter), here the test does.
     */
    @Bean
    org.springframework.boot.batch.autoconfigure.BatchConversionServiceCustomizer yearMonthParameters() {
        return service -> {
            service.addConverter(java.time.YearMonth.class, String.class,
                    (org.springframework.core.convert.converter.Converter<java.time.YearMonth, String>)
                            java.time.YearMonth::toString);
            service.addConverter(String.class, java.time.YearMonth.class,
                    (org.springframework.core.convert.converter.Converter<String, java.time.YearMonth>)
                            java.time.YearMonth::parse);
        };
    }

    @Bean
    Job reportPeriod(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new JobBuilder(REPORT_PERIOD, jobRepository)
                .start(new StepBuilder("reportPeriodStep", jobRepository)
                        .tasklet((contribution, chunk) -> RepeatStatus.FINISHED, transactionManager)
                        .build())
                .build();
    }

    @Bean
    Job alwaysFails(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new JobBuilder(ALWAYS_FAILS, jobRepository)
                .start(new StepBuilder("alwaysFailsStep", jobRepository)
                        .tasklet((contribution, chunk) -> {
                            throw new IllegalStateException("the source file for this period is missing");
                        }, transactionManager)
                        .build())
                .build();
    }
}
