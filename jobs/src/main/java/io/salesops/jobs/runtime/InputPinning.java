package io.salesops.jobs.runtime;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Pins the warehouse versions a step reads before the step runs, so that it, the steps after it
 * and every restart of the execution (after a failure or a kill -9) read the same versions however
 * many newer ones are published meanwhile.
 *
 * <p>The pin is a {@link WarehouseSnapshot} in the JOB execution context ({@value #CONTEXT_KEY}),
 * saved at once, outside the step's transaction and before anything is read. A restart inherits
 * the failed execution's context and so its pin; only inputs not pinned yet get one: the version
 * the {@code asOf} job parameter names, else the current one. The step's own context records what
 * it read ({@value #STEP_CONTEXT_KEY}), so the execution history shows it. An optional input (data
 * not every user has, such as marketing's campaign touches) is pinned when it has a version and
 * left out when it has none; the step decides whether it needed it.
 */
public final class InputPinning implements StepExecutionListener {

    public static final String CONTEXT_KEY = "salesops.warehouse.snapshot";
    public static final String STEP_CONTEXT_KEY = "warehouse.inputs";

    private static final Logger log = LoggerFactory.getLogger(InputPinning.class);

    private final JobRepository jobRepository;
    private final Warehouse warehouse;
    private final List<TableDefinition> inputs;
    private final List<TableDefinition> optionalInputs;

    public InputPinning(JobRepository jobRepository, Warehouse warehouse, List<TableDefinition> inputs) {
        this(jobRepository, warehouse, inputs, List.of());
    }

    public InputPinning(JobRepository jobRepository, Warehouse warehouse, List<TableDefinition> inputs,
                        List<TableDefinition> optionalInputs) {
        this.jobRepository = jobRepository;
        this.warehouse = warehouse;
        this.inputs = List.copyOf(inputs);
        this.optionalInputs = List.copyOf(optionalInputs);
    }

    @Override
    public void beforeStep(StepExecution step) {
        JobExecution job = step.getJobExecution();
        WarehouseSnapshot held = pinned(job).orElse(WarehouseSnapshot.EMPTY);
        WarehouseSnapshot asOf = AsOfParameter.pins(job.getJobParameters());
        WarehouseSnapshot snapshot = held;
        for (TableDefinition table : inputs) {
            if (!snapshot.pins(table)) {
                OptionalInt asked = asOf.version(table.name());
                snapshot = snapshot.with(asked.isPresent() ? warehouse.requireVersion(table, asked.getAsInt())
                        : warehouse.requireCurrent(table));
            }
        }
        for (TableDefinition table : optionalInputs) {
            OptionalInt asked = asOf.version(table.name());
            if (!snapshot.pins(table) && asked.isPresent()) {
                snapshot = snapshot.with(warehouse.requireVersion(table, asked.getAsInt()));
            } else if (!snapshot.pins(table)) {
                Optional<TableVersion> current = warehouse.current(table);
                if (current.isPresent()) {
                    snapshot = snapshot.with(current.get());
                }
            }
        }
        if (!snapshot.equals(held)) {
            job.getExecutionContext().putString(CONTEXT_KEY, snapshot.format());
            jobRepository.updateExecutionContext(job);
        }
        WarehouseSnapshot read = snapshot.only(java.util.stream.Stream.concat(inputs.stream(), optionalInputs.stream())
                .toList());
        step.getExecutionContext().putString(STEP_CONTEXT_KEY, read.format());
        log.info("step {} of execution {} reads {}", step.getStepName(), job.getId(), read.format());
    }

    /** The versions pinned for the execution so far; empty before the first pinning step ran. */
    public static Optional<WarehouseSnapshot> pinned(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        return context.containsKey(CONTEXT_KEY) ? Optional.of(WarehouseSnapshot.parse(context.getString(CONTEXT_KEY)))
                : Optional.empty();
    }

    public static WarehouseSnapshot requirePinned(JobExecution execution) {
        return pinned(execution).orElseThrow(() -> new IllegalStateException("execution " + execution.getId() + " of "
                + execution.getJobInstance().getJobName() + " has no pinned warehouse versions (" + CONTEXT_KEY
                + "); start a new run of the period"));
    }

    /**
     * Adds a version the job published itself, so later steps and restarts read this output and
     * not a newer one. Saved before the step completes ({@link OutputPinning}); a step killed before that
     * publishes the same batch again on restart, which yields the same version.
     */
    public static void recordOutput(StepExecution step, TableVersion published) {
        JobExecution job = step.getJobExecution();
        job.getExecutionContext().putString(CONTEXT_KEY,
                pinned(job).orElse(WarehouseSnapshot.EMPTY).with(published).format());
    }
}
