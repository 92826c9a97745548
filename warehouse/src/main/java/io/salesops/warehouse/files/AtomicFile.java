package io.salesops.warehouse.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the previous file or the complete new one: the content
 * goes to a hidden temporary file in the same directory, created owner-only (the final mode, so
 * not even the temporary is ever readable by others), is forced to disk, and is renamed over the
 * target in one atomic step. A failure removes the temporary; a crash leaves it, and the next
 * write of the same target starts by removing it.
 */
public final class AtomicFile {

    /** Writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Fills a file at a path, for a writer that opens the file itself (DuckDB, a CSV printer). */
    @FunctionalInterface
    public interface Fill {
        void fill(Path temporary) throws Exception;
    }

    private AtomicFile() {
    }

    /** The temporary a write of {@code target} uses: {@code .<name>.tmp} beside it. */
    public static Path temporaryOf(Path target) {
        Path file = target.toAbsolutePath().normalize();
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    public static Path write(Path target, Content content) {
        return replace(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        });
    }

    /**
     * Creates an empty owner-only temporary, lets {@code fill} write it, and moves it over the
     * target. Returns the target's absolute path.
     */
    public static Path replace(Path target, Fill fill) {
        Path file = target.toAbsolutePath().normalize();
        Path temp = temporaryOf(file);
        boolean moved = false;
        try {
            OwnerOnly.createDirectories(file.getParent());
            Files.deleteIfExists(temp); // what a killed earlier write left
            OwnerOnly.createFile(temp);
            fill.fill(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * For a writer that must create the file itself (DuckDB will not open an empty file as a new
     * database): {@code fill} gets a path inside a fresh owner-only directory {@code .<name>.tmp/},
     * where nobody else can open what is being written; the file is made owner-only and moved over
     * the target, and the directory removed.
     */
    public static Path replaceCreatedBy(Path target, Fill fill) {
        Path file = target.toAbsolutePath().normalize();
        Path directory = temporaryOf(file);
        try {
            OwnerOnly.createDirectories(file.getParent());
            io.salesops.warehouse.store.FileTrees.deleteIfExists(directory); // what a killed earlier write left
            OwnerOnly.createDirectories(directory);
            Path inside = directory.resolve(file.getFileName());
            fill.fill(inside);
            OwnerOnly.restrictFile(inside);
            Files.move(inside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                io.salesops.warehouse.store.FileTrees.deleteIfExists(directory);
            } catch (IOException e) {
                // the write's own outcome is what to report; the next write removes it
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed; its exception is the one to report.
        }
    }
}
