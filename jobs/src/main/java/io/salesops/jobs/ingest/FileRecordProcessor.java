package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.RecordProcessor;
import io.salesops.ingest.csv.RecordRejected;
import io.salesops.ingest.csv.RejectWriter;
import io.salesops.ingest.csv.SourceRecord;
import io.salesops.ingest.csv.StagedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Maps, types and deduplicates one file's records ({@link RecordProcessor}). A record that breaks
 * a rule throws {@link RecordRejected}, which the step's skip policy skips; this listener then
 * writes it to the quarantine. A duplicate is returned as null, which Spring Batch counts as
 * filtered. The rule counts and whether the keys outgrew their budget go into the partition's
 * execution context for the finishing step.
 */
final class FileRecordProcessor implements ItemProcessor<SourceRecord, StagedRow>,
        SkipListener<SourceRecord, StagedRow>, StepExecutionListener {

    static final String KEYS_OVERFLOWED = "keys.overflowed";
    static final String REJECTS_BY_RULE = "rejects.by.rule";

    private final PlannedFile file;
    private final String batchId;
    private final ZoneId localZone;
    private final long dedupeBudgetBytes;
    private final Path rejectsPart;
    private final Map<String, Long> byRule = new HashMap<>();
    private RecordProcessor processor;
    private RejectWriter rejects;

    FileRecordProcessor(PlannedFile file, String batchId, ZoneId localZone, long dedupeBudgetBytes, Path rejectsPart) {
        this.file = file;
        this.batchId = batchId;
        this.localZone = localZone;
        this.dedupeBudgetBytes = dedupeBudgetBytes;
        this.rejectsPart = rejectsPart;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        processor = new RecordProcessor(file.profile(), file.layout().header(), file.label(), localZone, batchId,
                dedupeBudgetBytes);
        try {
            // a killed predecessor of this partition may have left its quarantine part, half written
            Files.deleteIfExists(rejectsPart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier attempt's quarantine part of " + file.label(), e);
        }
        rejects = new RejectWriter(rejectsPart);
    }

    @Override
    public StagedRow process(SourceRecord record) throws RecordRejected {
        return processor.process(record);
    }

    @Override
    public void onSkipInProcess(SourceRecord record, Throwable t) {
        RecordRejected rejected = (RecordRejected) t;
        byRule.merge(rejected.rule(), 1L, Long::sum);
        rejects.reject(file.profile().table().name(), batchId, file.label(), record, rejected);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            rejects.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the quarantine part of " + file.label(), e);
        }
        stepExecution.getExecutionContext().putString(REJECTS_BY_RULE, byRule.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        stepExecution.getExecutionContext().put(KEYS_OVERFLOWED, processor.keysOverflowed());
        return stepExecution.getExitStatus();
    }

    static Map<String, Long> rejectsByRule(String text) {
        Map<String, Long> byRule = new HashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String entry : text.split(",")) {
                int equals = entry.lastIndexOf('=');
                byRule.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)));
            }
        }
        return byRule;
    }
}
