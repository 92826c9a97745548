package io.salesops.jobs.runtime;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.VersionRetention;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Retention after a step publishes: prunes the tables it published ({@link VersionRetention}),
 * keeping what an execution may still read. Held are the pins ({@link InputPinning} and the
 * {@code asOf} parameter) of the publishing execution and of the last execution of each of the
 * {@value #RECENT_INSTANCES} latest instances of every job when it is running, stopped or failed.
 * An older failed execution is not consulted: its restart fails naming the pruned version, and a
 * new run of the period is the way on.
 */
public final class PruneAfterPublish {

    static final int RECENT_INSTANCES = 20;
    static final String STEP_CONTEXT_KEY = "warehouse.versions-pruned";

    private static final Logger log = LoggerFactory.getLogger(PruneAfterPublish.class);

    private final VersionRetention retention;
    private final JobRepository jobRepository;

    public PruneAfterPublish(VersionRetention retention, JobRepository jobRepository) {
        this.retention = retention;
        this.jobRepository = jobRepository;
    }

    /** Prunes the published tables; the count is added to the step context. */
    public List<TableVersion> prune(StepExecution step, Collection<TableDefinition> published) {
        if (published.isEmpty()) {
            return List.of();
        }
        List<WarehouseSnapshot> held = heldSnapshots(step.getJobExecution());
        List<TableVersion> pruned = new ArrayList<>();
        for (TableDefinition table : published) {
            List<TableVersion> versions = retention.prune(table, held);
            if (!versions.isEmpty()) {
                log.info("pruned {} versions {}", table.name(), versions.stream().map(TableVersion::version).toList());
            }
            pruned.addAll(versions);
        }
        var context = step.getExecutionContext();
        context.putLong(STEP_CONTEXT_KEY, context.getLong(STEP_CONTEXT_KEY, 0L) + pruned.size());
        return pruned;
    }

    List<WarehouseSnapshot> heldSnapshots(JobExecution publishing) {
        List<WarehouseSnapshot> held = new ArrayList<>(pinsOf(publishing));
        for (String jobName : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, RECENT_INSTANCES)) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last != null && last.getId() != publishing.getId() && mayStillRead(last.getStatus())) {
                    held.addAll(pinsOf(last));
                }
            }
        }
        return held;
    }

    private static boolean mayStillRead(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.STOPPED || status == BatchStatus.FAILED;
    }

    private static List<WarehouseSnapshot> pinsOf(JobExecution execution) {
        return List.of(InputPinning.pinned(execution).orElse(WarehouseSnapshot.EMPTY),
                AsOfParameter.pins(execution.getJobParameters()));
    }
}
