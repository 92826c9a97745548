package io.salesops.ingest.batch;

import io.salesops.ingest.csv.CsvFileIngester;
import io.salesops.ingest.csv.ExportLayout;
import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.FileScan;
import io.salesops.ingest.csv.IngestFileException;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.IngestTables;
import io.salesops.ingest.csv.PartWriter;
import io.salesops.ingest.csv.RejectWriter;
import io.salesops.ingest.profile.ProfileDetector;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * One ingest batch over a set of export files: stage every file's table, then (separately, so a
 * failed stage never publishes) publish the staged tables and their quarantine partitions.
 *
 * <p>Staging writes only under batch-named staging directories; the current version of every
 * table stays untouched until {@link #publish}. Re-staging the same batch starts those
 * directories afresh, which is what a restarted ingest step does.
 */
public final class LandingIngest {

    private final Warehouse warehouse;
    private final ProfileDetector profiles;
    private final CsvFileIngester ingester;
    private final int threads;
    private final AllowedFolders allowedDirs;
    private final LandingZone landing;
    private final ReferenceCheck.Mode referenceMode;

    public LandingIngest(Warehouse warehouse, ProfileDetector profiles, IngestSettings settings) {
        this.warehouse = warehouse;
        this.profiles = profiles;
        this.ingester = new CsvFileIngester(settings.localZone(), settings.maxRejectRatio(),
                settings.dedupeBudgetBytes());
        this.allowedDirs = new AllowedFolders(settings.allowedDirs());
        this.landing = new LandingZone(warehouse.root().resolve("landing"));
        this.referenceMode = settings.references();
        this.threads = settings.threads();
    }

    /** Every .csv file under the directory, in a stable order. */
    public static List<Path> exportFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no export directory at " + directory);
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * Loads the files into the batch's staging directories.
     *
     * @param labelRoot file labels (lineage, messages) are paths relative to this directory
     */
    public BatchIngestResult stage(List<Path> files, Path labelRoot, String batchId, IngestProgress progress) {
        return stage(files, labelRoot, batchId, progress, null);
    }

    /**
     * Plans, loads (several files at once) and finishes a batch; on any failure nothing it staged
     * remains to be published.
     *
     * @param profile the profile of every file (a user's mapping, or a named built-in), or null to
     *                detect each file's profile from its header
     */
    public BatchIngestResult stage(List<Path> files, Path labelRoot, String batchId, IngestProgress progress,
                                   SourceProfile profile) {
        IngestPlan plan = plan(files, labelRoot, batchId, profile);
        if (plan.files().isEmpty()) {
            return new BatchIngestResult(batchId, List.of(), plan.skipped());
        }
        try {
            List<Callable<FileIngestResult>> tasks = new ArrayList<>();
            plan.files().forEach(file -> tasks.add(() -> stageFile(plan.batchId(), file, progress)));
            List<FileIngestResult> results = ParallelFiles.run(tasks,
                    plan.files().stream().map(PlannedFile::size).toList(), threads);
            return finish(plan, results);
        } catch (RuntimeException e) {
            discard(plan);
            throw e;
        }
    }

    /**
     * Settles every file's profile, layout and hash before anything loads (a bad header or a path
     * outside the allowed folders fails the batch up front), skips files loaded before, and
     * creates the staging directories.
     */
    public IngestPlan plan(List<Path> files, Path labelRoot, String batchId, SourceProfile profile) {
        FileRegistry registry = new FileRegistry(warehouse);
        List<BatchIngestResult.SkippedFile> skipped = new ArrayList<>();
        List<PlannedFile> toLoad = new ArrayList<>();
        for (PlannedFile file : inspect(files, labelRoot, profile)) {
            String table = file.profile().table().name();
            registry.loadedBy(file.sha256(), table).ifPresentOrElse(
                    batch -> skipped.add(new BatchIngestResult.SkippedFile(file.label(), table, batch)),
                    () -> toLoad.add(new PlannedFile(toLoad.size(), file.path(), file.label(), file.profile(),
                            file.layout(), file.size(), file.sha256())));
        }
        IngestPlan plan = new IngestPlan(batchId, toLoad, skipped);
        if (!toLoad.isEmpty()) {
            plan.tables().forEach(table -> warehouse.stage(table, batchId));
            warehouse.stage(IngestTables.REJECTS, batchId);
        }
        return plan;
    }

    /** Loads one planned file into its part of the staging directories, with the plain record loop. */
    public FileIngestResult stageFile(String batchId, PlannedFile file, IngestProgress progress) {
        Path part = tablePart(batchId, file);
        FileIngestResult result;
        try {
            // What an interrupted attempt wrote, when the file is loaded again on a restart.
            PartWriter.delete(part);
            Files.deleteIfExists(rejectsPart(batchId, file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier attempt's parts of " + file.label(), e);
        }
        try (RejectWriter rejects = new RejectWriter(rejectsPart(batchId, file))) {
            result = ingester.ingest(file.path(), file.layout(), file.label(), file.profile(), part, batchId,
                    rejects, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects of " + file.path(), e);
        }
        recordSources(batchId, file);
        return result;
    }

    /** Where a planned file's rows go. */
    public Path tablePart(String batchId, PlannedFile file) {
        return warehouse.stagingDirectory(file.profile().table(), batchId).resolve(file.part(batchId));
    }

    /** Where a planned file's rejected records go. */
    public Path rejectsPart(String batchId, PlannedFile file) {
        return warehouse.stagingDirectory(IngestTables.REJECTS, batchId).resolve(file.part(batchId));
    }

    /**
     * Records that the file's parts hold that file's rows: publishing replaces that file's rows and
     * keeps other files'.
     */
    public void recordSources(String batchId, PlannedFile file) {
        warehouse.recordPartSource(file.profile().table(), batchId, file.part(batchId), file.label());
        warehouse.recordPartSource(IngestTables.REJECTS, batchId, file.part(batchId), file.label());
    }

    /** After every file loaded: incremental tables are merged and the files registered. */
    public BatchIngestResult finish(IngestPlan plan, List<FileIngestResult> results) {
        List<BatchIngestResult.Merge> merges = new ArrayList<>();
        List<TableDefinition> incremental = incrementalTables(plan.files());
        Map<String, String> partLabels = new LinkedHashMap<>();
        plan.files().forEach(file -> partLabels.put(file.part(plan.batchId()), file.label()));
        for (TableDefinition table : incremental) {
            merges.add(IncrementalMerge.apply(warehouse, table, warehouse.stagingDirectory(table, plan.batchId()),
                    plan.batchId(), partLabels));
        }
        // One row per natural key across files and batches, whatever the files are called.
        List<KeyReconcile.TableKeys> keys = new ArrayList<>();
        Path spill = warehouse.root().resolve(".spill-keys-" + plan.batchId());
        try {
            for (TableDefinition table : plan.tables()) {
                if (!incremental.contains(table)) {
                    keys.add(KeyReconcile.apply(warehouse, table, plan.batchId(), plan.files().stream()
                            .filter(file -> file.profile().table().equals(table)).toList(), spill));
                }
            }
        } finally {
            try {
                io.salesops.warehouse.store.FileTrees.deleteIfExists(spill);
            } catch (IOException e) {
                // DuckDB's spill files only; the next batch uses another folder
            }
        }
        // After the merges: an incremental parent must be checked as the whole table it becomes.
        ReferenceReport references = ReferenceCheck.apply(warehouse, plan.batchId(), plan.tables(), referenceMode,
                warehouse.stagingDirectory(IngestTables.REJECTS, plan.batchId()));
        Map<String, PlannedFile> byLabel = new LinkedHashMap<>();
        plan.files().forEach(file -> byLabel.put(file.label(), file));
        new FileRegistry(warehouse).stage(plan.batchId(), results, byLabel);
        return new BatchIngestResult(plan.batchId(), results, plan.skipped(), merges, references, keys);
    }

    /**
     * Creates the plan's staging directories again when a failure discarded them; every file then
     * has to be loaded again. Does nothing while they exist.
     */
    public void restoreStaging(IngestPlan plan) {
        for (TableDefinition table : plan.tables()) {
            if (!Files.isDirectory(warehouse.stagingDirectory(table, plan.batchId()))) {
                warehouse.stage(table, plan.batchId());
            }
        }
        if (!plan.files().isEmpty() && !Files.isDirectory(warehouse.stagingDirectory(IngestTables.REJECTS,
                plan.batchId()))) {
            warehouse.stage(IngestTables.REJECTS, plan.batchId());
        }
    }

    /**
     * A failed batch's quarantined records are published all the same, so the user can see which
     * column and which values failed: each file's records under the source {@code <file> (failed
     * batch <id>)}, so they replace no loaded file's records, with the failed batch in
     * {@code batch_id} (a batch absent from ingest_files published nothing else). Parts a killed
     * partition left half written are not taken. Returns whether anything was published.
     */
    public boolean publishRejectsOfFailedBatch(IngestPlan plan) {
        // a version of its own ("<batch>-failed"): a restart that then succeeds publishes the batch itself
        String failed = plan.batchId() + "-failed";
        Path target = null;
        try {
            for (PlannedFile file : plan.files()) {
                Path part = rejectsPart(plan.batchId(), file);
                if (Files.isRegularFile(part) && readable(part)) {
                    if (target == null) {
                        target = warehouse.stage(IngestTables.REJECTS, failed);
                    }
                    Files.move(part, target.resolve(file.part(plan.batchId())));
                    warehouse.recordPartSource(IngestTables.REJECTS, failed, file.part(plan.batchId()),
                            file.label() + " (failed batch " + plan.batchId() + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the quarantine of failed batch " + plan.batchId(), e);
        }
        if (target == null) {
            return false;
        }
        warehouse.publish(IngestTables.REJECTS, failed);
        return true;
    }

    private static boolean readable(Path part) {
        try {
            io.salesops.warehouse.store.ParquetFooters.rowCount(part);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One bad file fails the batch: nothing it staged may be published, not even good files. */
    public void discard(IngestPlan plan) {
        plan.tables().forEach(table -> warehouse.discardStaging(table, plan.batchId()));
        warehouse.discardStaging(IngestTables.REJECTS, plan.batchId());
        warehouse.discardStaging(IngestTables.WARNINGS, plan.batchId());
        warehouse.discardStaging(IngestTables.FILES, plan.batchId());
    }

    /** Tables this batch loads incrementally; a table may not get snapshot and incremental files in one batch. */
    private static List<TableDefinition> incrementalTables(List<PlannedFile> files) {
        Map<TableDefinition, Boolean> incremental = new LinkedHashMap<>();
        for (PlannedFile file : files) {
            boolean mode = file.profile().load().incremental();
            Boolean other = incremental.putIfAbsent(file.profile().table(), mode);
            if (other != null && other != mode) {
                throw new IngestFileException(file.label() + ": " + file.profile().table().name() + " gets both full"
                        + " (snapshot) and incremental exports in this batch; ingest them in separate runs");
            }
        }
        return incremental.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** Publishes whatever this batch staged; safe to repeat after a crash. */
    public List<TableVersion> publish(String batchId, List<TableDefinition> tables) {
        List<TableVersion> published = new ArrayList<>();
        for (TableDefinition table : java.util.stream.Stream.concat(tables.stream(),
                Stream.of(IngestTables.REJECTS, IngestTables.WARNINGS, IngestTables.FILES)).toList()) {
            if (warehouse.hasPendingPublish(table, batchId)) {
                IncrementalMerge.checkBase(warehouse, table, batchId);
                published.add(warehouse.publish(table, batchId));
            }
        }
        return published;
    }

    /** Detects every file's profile and layout before loading anything, so a bad header fails the batch up front. */
    private List<PlannedFile> inspect(List<Path> files, Path labelRoot, SourceProfile forced) {
        files.forEach(allowedDirs::check); // before reading anything
        files.forEach(LandingIngest::refuseLinkOutOfItsFolder);
        List<Callable<PlannedFile>> tasks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            tasks.add(() -> inspect(index, files.get(index), label(labelRoot, files.get(index)), forced));
        }
        List<Long> sizes = files.stream().map(LandingIngest::size).toList();
        return ParallelFiles.run(tasks, sizes, threads); // hashing and decoding whole files: worth the cores
    }

    /**
     * A symbolic link is followed only to a file in its own folder or below: a link named
     * {@code orders.csv} pointing at {@code /etc/passwd} must not be copied into the warehouse.
     */
    static void refuseLinkOutOfItsFolder(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent().toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(folder)) {
                throw new IngestFileException(file + ": a link to a file outside its folder (" + folder
                        + "); refused before reading it. Copy the export into the folder instead");
            }
        } catch (IOException e) {
            throw new IngestFileException(file + ": cannot be read: " + LandingZone.reason(e), e);
        }
    }

    private PlannedFile inspect(int index, Path original, String label, SourceProfile forced) {
        LandingZone.Landed landed = landing.receive(original);
        Path file = landed.path();
        FileScan scan = landed.scan();
        try {
            ExportLayout layout = CsvFileIngester.inspect(file, forced == null ? null : forced.charset(), scan);
            SourceProfile profile = forced == null ? profiles.detect(label, layout.header())
                    : checked(forced, label, layout.header());
            if (profile.charset() != null && !profile.charset().equals(layout.encoding().charset())) {
                layout = CsvFileIngester.inspect(file, profile.charset(), scan); // the profile declares its encoding
            }
            return new PlannedFile(index, file, label, profile, layout, Files.size(file), scan.sha256());
        } catch (IOException e) {
            throw new IngestFileException(label + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IngestFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A named profile must still find the headers it reads, or every row would be rejected. */
    private static SourceProfile checked(SourceProfile profile, String label, List<String> header) {
        List<String> missing = profile.uncoveredRequiredColumns(java.util.Set.copyOf(header));
        if (!missing.isEmpty()) {
            throw new IngestFileException(label + ": profile " + profile.name() + " needs source columns for "
                    + missing + " but the header is " + header);
        }
        return profile;
    }

    public ProfileDetector profiles() {
        return profiles;
    }

    private static String label(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
