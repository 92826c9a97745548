package io.salesops.app.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One very large export for the memory target ("a single 5 GB export ingests with -Xmx1g"): the
 * generator's activities export repeated until the size is reached, each copy's ids given a
 * prefix so that every record stays a distinct activity (and the file's keys outgrow any
 * in-memory budget).
 */
public final class BigExport {

    private BigExport() {
    }

    /** Writes {@code target} from {@code source} (a CSV whose first column is its key) unless it exists. */
    public static Path write(Path source, Path target, long bytes) throws IOException {
        if (Files.exists(target) && Files.size(target) >= bytes) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            String header;
            try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                header = in.readLine();
            }
            out.write(header);
            out.write("\r\n");
            long written = header.getBytes(StandardCharsets.UTF_8).length + 2;
            for (int copy = 0; written < bytes; copy++) {
                try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                    in.readLine();
                    for (String line = in.readLine(); line != null && written < bytes; line = in.readLine()) {
                        String record = copy == 0 || line.isEmpty() || line.startsWith(",") ? line
                                : "C" + copy + "-" + line;
                        out.write(record);
                        out.write("\r\n");
                        written += record.getBytes(StandardCharsets.UTF_8).length + 2;
                    }
                }
            }
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
