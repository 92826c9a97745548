package io.salesops.jobs.ingest;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.StepExecution;

/**
 * Hands the file partitions to the task executor largest file first. Spring Batch passes the
 * partitions as an unordered set; with a few threads, a large file that happens to start last
 * makes every other thread wait for it at the end. The executor's concurrency limit makes the
 * submission order the start order.
 */
class LargestFirstPartitionHandler extends TaskExecutorPartitionHandler {

    static final String FILE_SIZE = "file.size";

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
            throws Exception {
        Set<StepExecution> ordered = new LinkedHashSet<>();
        partitions.stream()
                .sorted(Comparator.comparingLong((StepExecution s) -> s.getExecutionContext().getLong(FILE_SIZE, 0L))
                        .reversed())
                .forEach(ordered::add);
        return super.doHandle(managerStepExecution, ordered);
    }
}
