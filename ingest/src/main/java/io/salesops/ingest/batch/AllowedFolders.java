package io.salesops.ingest.batch;

import io.salesops.ingest.csv.IngestFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders exports may be read from ({@code salesops.ingest.allowed-dirs}). A server that
 * ingests paths named in job parameters or schedules must not become a way to read any file the
 * process can: paths are compared after resolving symbolic links and {@code ..}, so a link inside
 * an allowed folder that points outside it is refused too. No folders configured means no limit.
 */
final class AllowedFolders {

    private final List<Path> folders;

    AllowedFolders(List<Path> folders) {
        this.folders = folders;
    }

    void check(Path file) {
        if (folders.isEmpty()) {
            return;
        }
        Path real = realPath(file);
        for (Path folder : folders) {
            if (Files.isDirectory(folder) && real.startsWith(realPath(folder))) {
                return;
            }
        }
        throw new IngestFileException(file + ": outside the allowed input folders " + folders
                + " (salesops.ingest.allowed-dirs); nothing was ingested");
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IngestFileException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
