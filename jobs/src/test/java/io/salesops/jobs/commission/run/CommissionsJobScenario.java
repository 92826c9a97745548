package io.salesops.jobs.commission.run;

import static io.salesops.jobs.commission.run.RepPlanSetup.succeeds;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * What the job tests of one commission scenario share: generate sample exports and ingest them,
 * then calculate periods, each job required to complete. Each test keeps its own data directory
 * (its own {@code @DynamicPropertySource}).
 */
abstract class CommissionsJobScenario {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("commissions")
    Job commissions;
    @Autowired
    @Qualifier(IngestJobConfiguration.JOB_NAME)
    Job ingest;

    void ingestSample(Path dataDir, GeneratorSettings settings) throws Exception {
        ingestSample(dataDir, settings, landing -> { });
    }

    /** @param edit changes the generated exports in the landing folder before they are ingested */
    void ingestSample(Path dataDir, GeneratorSettings settings, LandingEdit edit) throws Exception {
        new SampleDataGenerator().generate(settings, dataDir.resolve("landing"));
        edit.apply(dataDir.resolve("landing"));
        succeeds(jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .toJobParameters()));
    }

    interface LandingEdit {
        void apply(Path landing) throws Exception;
    }

    void calculate(YearMonth period) throws Exception {
        succeeds(jobOperator.start(commissions, io.salesops.jobs.runtime.PeriodParameter.add(new JobParametersBuilder(), period)
                .addLong("run", System.nanoTime()).toJobParameters()));
    }
}
