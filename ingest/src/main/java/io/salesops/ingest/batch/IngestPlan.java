package io.salesops.ingest.batch;

import io.salesops.warehouse.model.TableDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch will load: the files to load, and the files skipped because their exact bytes were
 * loaded before.
 */
public record IngestPlan(String batchId, List<PlannedFile> files, List<BatchIngestResult.SkippedFile> skipped) {

    public IngestPlan {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public Set<TableDefinition> tables() {
        Set<TableDefinition> tables = new LinkedHashSet<>();
        files.forEach(file -> tables.add(file.profile().table()));
        return tables;
    }
}
