package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.IngestPlan;
import io.salesops.ingest.batch.PlannedFile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per planned file. Partition names are stable (the file's index in the plan), so
 * a restart runs again only the files whose partition did not complete.
 */
final class FilePartitioner implements Partitioner {

    static final String FILE_INDEX = "file.index";
    /** The worker step's name; a partition's step execution is named {@code <worker>:<partition>}. */
    static final String WORKER = "ingestFile";

    private final IngestPlan plan;

    FilePartitioner(IngestPlan plan) {
        this.plan = plan;
    }

    static String partitionName(PlannedFile file) {
        return String.format("file-%05d", file.index());
    }

    static String stepName(PlannedFile file) {
        return WORKER + ":" + partitionName(file);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        plan.files().forEach(file -> {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FILE_INDEX, file.index());
            context.putString("file.label", file.label());
            context.putLong(LargestFirstPartitionHandler.FILE_SIZE, file.size());
            partitions.put(partitionName(file), context);
        });
        return partitions;
    }
}
