package io.salesops.jobs.mart;

import io.salesops.jobs.runtime.AsOfParameter;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.OutputPinning;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;

/**
 * Builds the step of an analytics job from its {@link MartComputation}: pin the input versions →
 * read Datasets → compute → stage → publish the marts → prune. The job ends with the shared
 * {@code refreshAnalystDatabase} step, which puts the new marts in the analysts' files. See
 * jobs/README.md, "Adding an analytics job".
 */
public final class MartSteps {

    private final JobRepository jobRepository;
    private final SparkSessionProvider spark;
    private final Warehouse warehouse;
    private final PruneAfterPublish retention;

    public MartSteps(JobRepository jobRepository, SparkSessionProvider spark, Warehouse warehouse,
                     PruneAfterPublish retention) {
        this.jobRepository = jobRepository;
        this.spark = spark;
        this.warehouse = warehouse;
        this.retention = retention;
    }

    /** The step; its inputs are pinned before it runs, its outputs saved before it completes. */
    public Step step(String name, MartComputation computation) {
        return new StepBuilder(name, jobRepository)
                .tasklet(new MartTasklet(computation, spark, warehouse, retention))
                .listener(new InputPinning(jobRepository, warehouse, computation.inputs(),
                        computation.optionalInputs()))
                .listener(new OutputPinning(jobRepository))
                .build();
    }

    /** The {@code asOf} validator of a job that runs these computations: it may name any of their inputs. */
    public JobParametersValidator asOf(MartComputation... computations) {
        List<TableDefinition> inputs = Stream.of(computations)
                .flatMap(c -> Stream.concat(c.inputs().stream(), c.optionalInputs().stream())).distinct().toList();
        return new AsOfParameter(warehouse, inputs);
    }
}
