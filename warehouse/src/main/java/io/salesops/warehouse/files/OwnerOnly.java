package io.salesops.warehouse.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File modes of the data directory: everything owner-only. Files are created with their final mode
 * (never made private after the fact, when another user could already have opened them). The
 * launcher's umask 077 covers what libraries create; this covers what SalesOps creates itself,
 * whoever started the JVM. On a file system without POSIX permissions its default ACLs apply.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Creates an empty owner-only file (it must not exist). */
    public static Path createFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** Creates the missing directories of a path, each owner-only; existing ones keep their mode. */
    public static Path createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            return POSIX ? Files.createDirectory(absolute, attribute(DIRECTORY)) : Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return absolute; // created meanwhile by another thread
        }
    }

    /** Makes an existing file owner-only (read and write). */
    public static void restrictFile(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Makes an existing directory owner-only (the data directory itself, made by a user). */
    public static void restrictDirectory(Path directory) {
        if (POSIX && Files.isDirectory(directory)) {
            try {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make " + directory + " owner-only", e);
            }
        }
    }

    /**
     * Lets a group read one file: the file gets that group and mode 640, and its directory mode
     * 710 (the group may open a path it knows, not list or read anything else).
     */
    public static void shareWithGroup(Path file, String group) {
        if (!POSIX) {
            return;
        }
        try {
            GroupPrincipal principal = file.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(group);
            Files.getFileAttributeView(file, PosixFileAttributeView.class).setGroup(principal);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
            Path directory = file.toAbsolutePath().getParent();
            Files.getFileAttributeView(directory, PosixFileAttributeView.class).setGroup(principal);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x---"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot share " + file + " with group " + group
                    + " (salesops.analyst-group): " + e.getMessage(), e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
