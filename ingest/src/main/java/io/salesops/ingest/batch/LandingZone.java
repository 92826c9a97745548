package io.salesops.ingest.batch;

import io.salesops.ingest.csv.FileScan;
import io.salesops.ingest.csv.IngestFileException;
import io.salesops.warehouse.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The landing zone: every export exactly as received, stored once under its SHA-256
 * ({@code warehouse/landing/<sha256>/<file name>}) and made read-only. Ingest reads the landed
 * copy, not the user's file: what was hashed is what is loaded, a restart reads the same bytes
 * even if the original was replaced meanwhile, and any number of later audits can check a
 * landed file against its name.
 */
public final class LandingZone {

    private final Path root;

    public LandingZone(Path root) {
        this.root = root;
    }

    /** A file received and its scan, now immutable in the landing zone. */
    public record Landed(Path path, FileScan scan) {
    }

    /**
     * Copies the file in (the copy is then scanned, so the hash is of the bytes that will be
     * loaded), or finds the identical copy already there.
     */
    public Landed receive(Path file) {
        Path incoming = root.resolve(".incoming").resolve(UUID.randomUUID() + "-" + file.getFileName());
        try {
            OwnerOnly.createDirectories(incoming.getParent());
            // into an owner-only file: a plain copy would take the export's own mode (often 644)
            OwnerOnly.createFile(incoming);
            try (var out = Files.newOutputStream(incoming, java.nio.file.StandardOpenOption.WRITE)) {
                Files.copy(file, out);
            }
            FileScan scan = FileScan.of(incoming);
            Path target = root.resolve(scan.sha256()).resolve(file.getFileName().toString());
            if (Files.exists(target)) {
                Files.delete(incoming); // landed before: content-addressed, so it is the same bytes
                return new Landed(target, scan);
            }
            OwnerOnly.createDirectories(target.getParent());
            try {
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.delete(incoming); // another thread landed the same bytes first
                return new Landed(target, scan);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(incoming, target);
            }
            readOnly(target);
            return new Landed(target, scan);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // a stray incoming copy is harmless; the next receive uses another name
            }
            throw new IngestFileException(file + ": cannot copy into the landing zone: " + reason(e), e);
        }
    }

    /** Java names only the path for the commonest failures; say what happened. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void readOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------") /* owner-only, read-only */);
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadOnly(); // a file system without POSIX permissions
        }
    }
}
