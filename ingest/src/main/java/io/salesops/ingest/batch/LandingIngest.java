package io.salesops.ingest.batch;

import io.salesops.ingest.csv.CsvFileIngester;
import io.salesops.ingest.csv.ExportLayout;
import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestFileException;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.IngestTables;
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

    public LandingIngest(Warehouse warehouse, ProfileDetector profiles, IngestSettings settings) {
        this.warehouse = warehouse;
        this.profiles = profiles;
        this.ingester = new CsvFileIngester(settings.localZone(), settings.maxRejectRatio(),
                settings.dedupeBudgetBytes());
        this.allowedDirs = new AllowedFolders(settings.allowedDirs());
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
     * @param profile the profile of every file (a user's mapping, or a named built-in), or null to
     *                detect each file's profile from its header
     */
    public BatchIngestResult stage(List<Path> files, Path labelRoot, String batchId, IngestProgress progress,
                                   SourceProfile profile) {
        List<PlannedFile> planned = plan(files, labelRoot, profile);
        FileRegistry registry = new FileRegistry(warehouse);
        Map<String, String> hashes = new LinkedHashMap<>();
        List<BatchIngestResult.SkippedFile> skipped = new ArrayList<>();
        List<PlannedFile> toLoad = new ArrayList<>();
        for (PlannedFile file : planned) {
            String sha256 = FileRegistry.sha256(file.path());
            String table = file.profile().table().name();
            registry.loadedBy(sha256, table).ifPresentOrElse(
                    batch -> skipped.add(new BatchIngestResult.SkippedFile(file.label(), table, batch)),
                    () -> {
                        hashes.put(file.label(), sha256);
                        toLoad.add(file);
                    });
        }
        if (toLoad.isEmpty()) {
            return new BatchIngestResult(batchId, List.of(), skipped);
        }
        Map<TableDefinition, Path> stagingByTable = new LinkedHashMap<>();
        try {
            List<FileIngestResult> results = stagePlanned(toLoad, batchId, progress, stagingByTable);
            List<BatchIngestResult.Merge> merges = new ArrayList<>();
            for (TableDefinition table : incrementalTables(toLoad)) {
                merges.add(IncrementalMerge.apply(warehouse, table, stagingByTable.get(table), batchId));
            }
            registry.stage(batchId, results, hashes);
            return new BatchIngestResult(batchId, results, skipped, merges);
        } catch (RuntimeException e) {
            // One bad file fails the batch: nothing it staged may be published, not even good files.
            stagingByTable.keySet().forEach(table -> warehouse.discardStaging(table, batchId));
            warehouse.discardStaging(IngestTables.REJECTS, batchId);
            warehouse.discardStaging(IngestTables.FILES, batchId);
            throw e;
        }
    }

    /**
     * Every file becomes one part of its table (and one of the quarantine) named after the batch,
     * recorded as coming from that file: publishing replaces that file's rows and keeps the rest.
     * Files load in parallel, largest first so the longest file does not start last; results come
     * back in the order of the files.
     */
    private List<FileIngestResult> stagePlanned(List<PlannedFile> planned, String batchId, IngestProgress progress,
                                                Map<TableDefinition, Path> stagingByTable) {
        for (PlannedFile file : planned) {
            stagingByTable.computeIfAbsent(file.profile().table(), table -> warehouse.stage(table, batchId));
        }
        Path rejectsDir = warehouse.stage(IngestTables.REJECTS, batchId);
        List<Callable<FileIngestResult>> tasks = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedFile file = planned.get(i);
            String part = String.format("part-%s-%05d.parquet", batchId, i);
            tasks.add(() -> stageFile(file, batchId, part, stagingByTable.get(file.profile().table()), rejectsDir,
                    progress));
        }
        return ParallelFiles.run(tasks, planned.stream().map(PlannedFile::size).toList(), threads);
    }

    private FileIngestResult stageFile(PlannedFile file, String batchId, String part, Path tableDir, Path rejectsDir,
                                       IngestProgress progress) {
        TableDefinition table = file.profile().table();
        FileIngestResult result;
        try (RejectWriter rejects = new RejectWriter(rejectsDir.resolve(part))) {
            result = ingester.ingest(file.path(), file.layout(), file.label(), file.profile(), tableDir.resolve(part),
                    batchId, rejects, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects of " + file.path(), e);
        }
        warehouse.recordPartSource(table, batchId, part, file.label());
        warehouse.recordPartSource(IngestTables.REJECTS, batchId, part, file.label());
        return result;
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
                Stream.of(IngestTables.REJECTS, IngestTables.FILES)).toList()) {
            if (warehouse.hasPendingPublish(table, batchId)) {
                IncrementalMerge.checkBase(warehouse, table, batchId);
                published.add(warehouse.publish(table, batchId));
            }
        }
        return published;
    }

    /** A file of the batch with its label, profile and layout, all settled before anything loads. */
    private record PlannedFile(Path path, String label, SourceProfile profile, ExportLayout layout, long size) {
    }

    /** Detects every file's profile before loading anything, so a bad header fails the batch up front. */
    private List<PlannedFile> plan(List<Path> files, Path labelRoot, SourceProfile forced) {
        List<PlannedFile> planned = new ArrayList<>();
        for (Path file : files) {
            String label = label(labelRoot, file);
            allowedDirs.check(file);
            try {
                ExportLayout layout = CsvFileIngester.inspect(file, forced == null ? null : forced.charset());
                SourceProfile profile = forced == null ? profiles.detect(label, layout.header())
                        : checked(forced, label, layout.header());
                if (profile.charset() != null && !profile.charset().equals(layout.encoding().charset())) {
                    layout = CsvFileIngester.inspect(file, profile.charset()); // the profile declares its encoding
                }
                planned.add(new PlannedFile(file, label, profile, layout, Files.size(file)));
            } catch (IOException e) {
                throw new IngestFileException(label + ": " + e.getMessage(), e);
            }
        }
        return planned;
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
