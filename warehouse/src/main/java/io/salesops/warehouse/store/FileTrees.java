package io.salesops.warehouse.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Recursive file operations the warehouse needs. */
public final class FileTrees {
    private FileTrees() {
    }

    public static void deleteIfExists(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** The Parquet files under a directory (sub-directories included), or the file itself, in a stable order. */
    static List<Path> parquetFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /**
     * Recreates a directory tree with hard links to the same files (copies where links are not
     * supported); given a file, links that one file.
     */
    static void linkTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path destination = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            } else {
                try {
                    Files.createLink(destination, path);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(path, destination);
                }
            }
        }
    }
}
