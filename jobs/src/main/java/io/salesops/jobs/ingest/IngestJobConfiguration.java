package io.salesops.jobs.ingest;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ingest: the ingest and publish steps of the month-end and the analyst refresh, for
 * loading exports between month-ends. Its input is the {@code exports} job parameter.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingest";

    @Bean
    Job ingest(JobRepository jobRepository, @Qualifier("planIngest") Step planIngest,
               @Qualifier("ingestFiles") Step ingestFiles, @Qualifier("finishIngest") Step finishIngest,
               @Qualifier("publishWarehouse") Step publishWarehouse,
               @Qualifier("refreshAnalystDatabase") Step refreshAnalystDatabase) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new io.salesops.jobs.runtime.ProcessOwnerListener(jobRepository))
                .start(planIngest)
                .next(ingestFiles)
                .next(finishIngest)
                .next(publishWarehouse)
                .next(refreshAnalystDatabase)
                .build();
    }
}
