package io.salesops.warehouse.store;

import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The Parquet warehouse on a file system: every table is a directory of immutable versions and a
 * {@code CURRENT} pointer.
 *
 * <p>Publishing is two-phase. Writers fill a staging directory named after their batch; {@link
 * #publish} renames it to the next version directory and then swaps the pointer with an atomic
 * move. A crash at any point leaves the previous version current, and publishing the same batch
 * again finishes the interrupted publish instead of adding a second copy. Readers resolve the
 * pointer once and then read an immutable directory, so they never see a partial write.
 */
public final class Warehouse {

    private final Path root;
    private final Clock clock;

    public Warehouse(Path root) {
        this(root, Clock.systemUTC());
    }

    public Warehouse(Path root, Clock clock) {
        this.root = root.toAbsolutePath();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    public Path tableDirectory(TableDefinition table) {
        return root.resolve(table.zone().dirName()).resolve(table.name());
    }

    /** An empty staging directory for this batch; anything an earlier attempt of the batch left is removed. */
    public Path stage(TableDefinition table, String batchId) {
        Path staging = stagingDirectory(table, batchId);
        try {
            FileTrees.deleteIfExists(staging);
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create staging directory " + staging, e);
        }
    }

    /**
     * An empty directory for one partition value of a partitioned table (marts by period), inside
     * the batch's staging directory. Other partitions the batch staged are kept, so one batch can
     * stage several partitions.
     */
    public Path stagePartition(TableDefinition table, String batchId, String partitionValue) {
        Path partition = stagingDirectory(table, batchId)
                .resolve(VersionDirectories.partitionDirectory(table.partitionColumn(), partitionValue));
        try {
            FileTrees.deleteIfExists(partition);
            return Files.createDirectories(partition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create partition directory " + partition, e);
        }
    }

    /** Drops what a batch staged for the table, so a failed batch can never be published by mistake. */
    public void discardStaging(TableDefinition table, String batchId) {
        try {
            FileTrees.deleteIfExists(stagingDirectory(table, batchId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard staging of " + table.name() + " for batch " + batchId, e);
        }
    }

    /**
     * Records that a staged Parquet part holds the rows of one source (an export file). Publishing
     * then replaces just the parts of the sources this batch staged; see {@link PartSources}.
     */
    public synchronized void recordPartSource(TableDefinition table, String batchId, String partFile, String source) {
        Path staging = stagingDirectory(table, batchId);
        try {
            Map<String, String> parts = PartSources.read(staging);
            parts.put(partFile, source);
            PartSources.write(staging, parts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the source of " + partFile + " in " + staging, e);
        }
    }

    /**
     * True when this batch has something to publish: staged files, or a version directory that an
     * interrupted publish renamed without swapping the pointer.
     */
    public boolean hasPendingPublish(TableDefinition table, String batchId) {
        if (Files.isDirectory(stagingDirectory(table, batchId))) {
            return true;
        }
        Optional<TableVersion> latest = latest(table);
        return latest.isPresent() && latest.get().batchId().equals(batchId)
                && !current(table).map(TableVersion::version).equals(Optional.of(latest.get().version()));
    }

    /**
     * Publishes what the batch staged as the table's next version. For a partitioned table the
     * new version holds the staged partitions plus every other partition of the current version
     * (hard-linked, as Parquet files never change).
     */
    public TableVersion publish(TableDefinition table, String batchId) {
        Path tableDir = tableDirectory(table);
        try (FileChannel lockChannel = openLock(tableDir); FileLock ignored = lockChannel.lock()) {
            Optional<TableVersion> current = current(table);
            if (current.isPresent() && current.get().batchId().equals(batchId)) {
                FileTrees.deleteIfExists(stagingDirectory(table, batchId)); // staged again by a repeated step
                return current.get();
            }
            Optional<TableVersion> latest = latest(table);
            if (latest.isPresent() && latest.get().batchId().equals(batchId)) {
                // Renamed by an interrupted publish whose pointer swap never happened.
                writePointer(tableDir, latest.get().version());
                return latest.get();
            }
            Path staging = stagingDirectory(table, batchId);
            if (!Files.isDirectory(staging)) {
                throw new IllegalStateException("nothing staged for table " + table.name() + " in batch " + batchId);
            }
            CarryOver.decide(table, current, staging).linkInto(staging);
            int next = latest.map(v -> v.version() + 1).orElse(1);
            new VersionMetadata(next, batchId, clock.instant(), ParquetFooters.rowCount(staging))
                    .writeTo(staging.resolve(VersionDirectories.METADATA_FILE));
            Path versionDir = tableDir.resolve(VersionDirectories.name(next));
            Files.move(staging, versionDir, StandardCopyOption.ATOMIC_MOVE);
            writePointer(tableDir, next);
            return read(table, versionDir).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + table.name() + " for batch " + batchId, e);
        }
    }

    /**
     * The Parquet files the table would have if the batch were published now, where they are now:
     * what the batch staged plus what {@link #publish} would carry over from the current version
     * (the parts of other sources, other partitions); the current version's files when the batch
     * staged nothing; the batch's own version when it is already published. Lets a check read the
     * next version before it exists. A publish of another batch meanwhile changes the answer.
     */
    public List<Path> prospectiveFiles(TableDefinition table, String batchId) {
        try {
            Optional<TableVersion> current = current(table);
            if (current.isPresent() && current.get().batchId().equals(batchId)) {
                return current.get().parquetFiles();
            }
            Optional<TableVersion> latest = latest(table);
            if (latest.isPresent() && latest.get().batchId().equals(batchId)) {
                return latest.get().parquetFiles(); // renamed by an interrupted publish; the retry only swaps
            }
            Path staging = stagingDirectory(table, batchId);
            if (!Files.isDirectory(staging)) {
                return current.map(TableVersion::parquetFiles).orElse(List.of());
            }
            List<Path> files = new ArrayList<>(FileTrees.parquetFiles(staging));
            for (Path carried : CarryOver.decide(table, current, staging).links().keySet()) {
                files.addAll(FileTrees.parquetFiles(carried));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list what batch " + batchId + " would publish of " + table.name(),
                    e);
        }
    }

    /** A part of the current version that publishing the batch would carry over, and the source it came from. */
    public record CarriedPart(Path file, String source) {
    }

    /**
     * The parts of other sources that publishing the batch would carry over from the current
     * version, by part file name: the rows a new export may have to replace by key. Staging a part
     * of the same name (and recording its source) takes its place.
     */
    public Map<String, CarriedPart> carriedParts(TableDefinition table, String batchId) {
        try {
            Optional<TableVersion> current = current(table);
            Path staging = stagingDirectory(table, batchId);
            if (current.isEmpty() || table.partitionColumn() != null || !Files.isDirectory(staging)
                    || CarryOver.isWholeVersion(table, staging)) {
                return Map.of();
            }
            CarryOver carry = CarryOver.decide(table, current, staging);
            Map<String, CarriedPart> parts = new java.util.TreeMap<>();
            carry.links().keySet().forEach(file -> parts.put(file.getFileName().toString(),
                    new CarriedPart(file, carry.partSources().get(file.getFileName().toString()))));
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list what " + table.name() + " carries over", e);
        }
    }

    /** The part sources the batch recorded in its staging: part file name → source. */
    public Map<String, String> stagedPartSources(TableDefinition table, String batchId) {
        try {
            return PartSources.read(stagingDirectory(table, batchId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staging of " + table.name(), e);
        }
    }

    /**
     * True when the batch staged the table's whole next version (a merged incremental load), so
     * publishing replaces the current version and carries nothing over; false for parts of
     * sources, for partitions, and when nothing is staged.
     */
    public boolean stagedWholeVersion(TableDefinition table, String batchId) {
        Path staging = stagingDirectory(table, batchId);
        return Files.isDirectory(staging) && CarryOver.isWholeVersion(table, staging);
    }

    public Optional<TableVersion> current(TableDefinition table) {
        Path pointer = tableDirectory(table).resolve(VersionDirectories.CURRENT_POINTER);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        try {
            String label = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            return read(table, tableDirectory(table).resolve(label));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the current version of " + table.name(), e);
        }
    }

    public TableVersion requireCurrent(TableDefinition table) {
        return current(table).orElseThrow(() -> new IllegalStateException(
                "table " + table.name() + " has no published version in " + root + "; run ingest first"));
    }

    /** Published versions, newest first. */
    public List<TableVersion> history(TableDefinition table) {
        Path tableDir = tableDirectory(table);
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        List<TableVersion> versions = new ArrayList<>();
        try (Stream<Path> children = Files.list(tableDir)) {
            for (Path child : children.toList()) {
                if (VersionDirectories.parse(child.getFileName().toString()).isPresent()) {
                    read(table, child).ifPresent(versions::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list versions of " + table.name(), e);
        }
        versions.sort(Comparator.comparingInt(TableVersion::version).reversed());
        return versions;
    }

    /** A version by number; empty when it was never published or has been pruned. */
    public Optional<TableVersion> version(TableDefinition table, int version) {
        if (version < 1) {
            return Optional.empty();
        }
        try {
            return read(table, tableDirectory(table).resolve(VersionDirectories.name(version)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table.name() + " " + VersionDirectories.name(version), e);
        }
    }

    /** A version by number, or a {@link MissingVersionException} naming the versions that do exist. */
    public TableVersion requireVersion(TableDefinition table, int version) {
        return version(table, version).orElseThrow(() -> MissingVersionException.of(table.name(), version,
                history(table), current(table).stream().mapToInt(TableVersion::version).findFirst()));
    }

    private Optional<TableVersion> latest(TableDefinition table) {
        return history(table).stream().findFirst();
    }

    private Optional<TableVersion> read(TableDefinition table, Path versionDir) throws IOException {
        OptionalInt number = VersionDirectories.parse(versionDir.getFileName().toString());
        Path metadataFile = versionDir.resolve(VersionDirectories.METADATA_FILE);
        if (number.isEmpty() || !Files.exists(metadataFile)) {
            return Optional.empty();
        }
        VersionMetadata metadata = VersionMetadata.readFrom(metadataFile);
        return Optional.of(new TableVersion(table.name(), number.getAsInt(), versionDir, metadata.batchId(),
                metadata.createdAt(), metadata.rowCount()));
    }

    /**
     * Makes the batch's staging directory a whole table rather than parts of sources: publishing
     * then replaces the current version instead of carrying other sources' parts over.
     */
    public void forgetPartSources(TableDefinition table, String batchId) {
        try {
            Files.deleteIfExists(stagingDirectory(table, batchId).resolve(PartSources.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the staging of " + table.name(), e);
        }
    }

    public Path stagingDirectory(TableDefinition table, String batchId) {
        if (!batchId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("batch ids must be plain names, cannot be: " + batchId);
        }
        return tableDirectory(table).resolve(VersionDirectories.STAGING_PREFIX + batchId);
    }

    private static FileChannel openLock(Path tableDir) throws IOException {
        Files.createDirectories(tableDir);
        return FileChannel.open(tableDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static void writePointer(Path tableDir, int version) throws IOException {
        Path temp = tableDir.resolve(VersionDirectories.CURRENT_POINTER + ".tmp");
        Files.writeString(temp, VersionDirectories.name(version) + "\n", StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, tableDir.resolve(VersionDirectories.CURRENT_POINTER), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("pointer swap failed for " + tableDir, e);
        }
    }
}
