package io.salesops.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.ingest.batch.BatchIngestResult;
import io.salesops.ingest.batch.IngestPlan;
import io.salesops.ingest.batch.PlannedFile;
import io.salesops.ingest.csv.EncodingDetector;
import io.salesops.ingest.csv.ExportLayout;
import io.salesops.ingest.profile.SourceProfile;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The ingest plan as text in the job's execution context, so that every step of the job and a
 * restarted execution load exactly the files, profiles and parts the plan step settled. Layouts
 * are found again from the files (a header read); profiles are found again by name.
 */
final class PlanCodec {

    /** Key of the plan in the job execution context. */
    static final String KEY = "ingest.plan";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanCodec() {
    }

    record FileEntry(int index, String path, String label, String profile, long size, String sha256,
                     String charset, int bomLength, String delimiter, List<String> header) {
    }

    record SkippedEntry(String file, String table, String loadedByBatch) {
    }

    record PlanEntry(String batchId, List<FileEntry> files, List<SkippedEntry> skipped) {
    }

    static String write(IngestPlan plan) {
        try {
            return JSON.writeValueAsString(new PlanEntry(plan.batchId(),
                    plan.files().stream().map(f -> new FileEntry(f.index(), f.path().toString(), f.label(),
                            f.profile().name(), f.size(), f.sha256(), f.layout().encoding().charset().name(),
                            f.layout().encoding().bomLength(), String.valueOf(f.layout().delimiter()),
                            f.layout().header())).toList(),
                    plan.skipped().stream().map(s -> new SkippedEntry(s.file(), s.table(), s.loadedByBatch()))
                            .toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the ingest plan", e);
        }
    }

    /**
     * @param profiles profile by name (a mapping file's, a forced built-in's, or a detected one)
     */
    static IngestPlan read(String text, Function<String, SourceProfile> profiles) {
        PlanEntry entry;
        try {
            entry = JSON.readValue(text, PlanEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded ingest plan is unreadable: " + e.getMessage(), e);
        }
        return new IngestPlan(entry.batchId(), entry.files().stream().map(f -> file(f, profiles)).toList(),
                entry.skipped().stream().map(s -> new BatchIngestResult.SkippedFile(s.file(), s.table(),
                        s.loadedByBatch())).toList());
    }

    /** The batch id of a recorded plan, without finding the files' layouts again. */
    static String batchId(String text) {
        try {
            return JSON.readTree(text).get("batchId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded ingest plan is unreadable: " + e.getMessage(), e);
        }
    }

    private static PlannedFile file(FileEntry entry, Function<String, SourceProfile> profiles) {
        ExportLayout layout = new ExportLayout(new EncodingDetector.Detected(Charset.forName(entry.charset()),
                entry.bomLength()), entry.delimiter().charAt(0), entry.header());
        return new PlannedFile(entry.index(), Path.of(entry.path()), entry.label(), profiles.apply(entry.profile()),
                layout, entry.size(), entry.sha256());
    }
}
