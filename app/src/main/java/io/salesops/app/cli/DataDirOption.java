package io.salesops.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: where the data lives and which configuration profile applies. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $SALESOPS_DATA_DIR or ./salesops-data).")
    Path dataDir;

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath().normalize();
        }
        String fromEnv = System.getenv("SALESOPS_DATA_DIR");
        return Path.of(fromEnv == null || fromEnv.isBlank() ? "salesops-data" : fromEnv).toAbsolutePath().normalize();
    }

    /** For commands that only read: a missing directory is a mistake worth naming. */
    public Path existingDataDir() {
        Path dir = dataDir();
        if (!Files.isDirectory(dir)) {
            throw new CliException("no data directory at " + dir + "; run `salesops demo` first or pass --data-dir");
        }
        return dir;
    }
}
