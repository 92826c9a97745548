package io.salesops.warehouse.store;

import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Deletes the old versions of a table, typically right after a publish.
 *
 * <p>Kept: the newest {@code retainVersions} versions, the current one, and every version at or
 * above the oldest one that a held snapshot pins for the table (a job still running, or failed
 * and restartable, will read it). Only versions older than all three go.
 *
 * <p>A crash never leaves a half-deleted version where a reader looks. A version is first renamed
 * to {@code .pruning-v-NNNNNN}, one atomic rename after which neither {@link Warehouse#history}
 * nor {@link Warehouse#version} finds it, and only then deleted file by file; the next prune of
 * the table removes whatever a crash left. Parts that newer versions share by hard link stay
 * readable, since deleting one link of a file leaves its other links intact.
 *
 * <p>Pruning never blocks a publish: it does not take the publish lock, which is safe because it
 * removes only versions older than the current one while a publish reads the current version and
 * adds a newer one. When another thread or process is already pruning the table, it returns at
 * once; the next publish prunes again.
 */
public final class VersionRetention {

    private static final String LOCK_FILE = ".prune.lock";

    private final Warehouse warehouse;
    private final int retainVersions;

    public VersionRetention(Warehouse warehouse, int retainVersions) {
        if (retainVersions < 1) {
            throw new IllegalArgumentException("versions to retain must be at least 1, cannot be: " + retainVersions);
        }
        this.warehouse = warehouse;
        this.retainVersions = retainVersions;
    }

    public int retainVersions() {
        return retainVersions;
    }

    /** Deletes the versions of the table that nothing keeps; returns them, oldest first. */
    public List<TableVersion> prune(TableDefinition table, Collection<WarehouseSnapshot> held) {
        Path tableDir = warehouse.tableDirectory(table);
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(tableDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                return List.of(); // someone else is pruning this table right now
            }
            removeInterruptedPrunes(tableDir);
            List<TableVersion> unkept = unkept(table, held);
            for (TableVersion version : unkept) {
                Path doomed = tableDir.resolve(VersionDirectories.PRUNING_PREFIX + version.label());
                Files.move(version.directory(), doomed, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.deleteIfExists(doomed);
            }
            return unkept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune old versions of " + table.name() + " in " + tableDir, e);
        }
    }

    /** Versions older than the newest {@code retainVersions}, the current one and every held pin; oldest first. */
    List<TableVersion> unkept(TableDefinition table, Collection<WarehouseSnapshot> held) {
        Optional<TableVersion> current = warehouse.current(table);
        List<TableVersion> newestFirst = warehouse.history(table);
        if (current.isEmpty() || newestFirst.size() <= retainVersions) {
            return List.of(); // with no pointer yet, which version readers will get is not settled
        }
        int keepFrom = Math.min(current.get().version(), newestFirst.get(retainVersions - 1).version());
        for (WarehouseSnapshot snapshot : held) {
            keepFrom = Math.min(keepFrom, snapshot.version(table.name()).orElse(keepFrom));
        }
        int oldestKept = keepFrom;
        return newestFirst.stream().filter(v -> v.version() < oldestKept)
                .sorted(Comparator.comparingInt(TableVersion::version)).toList();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another thread of this process
        }
    }

    private static void removeInterruptedPrunes(Path tableDir) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> children = Files.list(tableDir)) {
            leftovers = children.filter(p -> p.getFileName().toString().startsWith(VersionDirectories.PRUNING_PREFIX))
                    .toList();
        }
        for (Path leftover : leftovers) {
            FileTrees.deleteIfExists(leftover);
        }
    }
}
