package io.salesops.app.cli;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestProgress;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ingest progress on a terminal: a line per finished file with rows and rows/s, and a running line
 * of the files still loading (several load at once). When output is piped, only the batch's
 * summary (what each file's rows are to their tables, what was rejected and why), on stdout.
 */
final class ConsoleProgress implements IngestProgress {

    private final PrintStream out;
    private final Map<String, Long> loading = new LinkedHashMap<>();

    private ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    static IngestProgress forTerminal() {
        if (System.console() == null) {
            return new IngestProgress() {
                @Override
                public void summary(String line) {
                    System.out.println("  " + line);
                }
            };
        }
        return new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void fileStarted(String file, String table) {
        loading.put(file, 0L);
    }

    @Override
    public synchronized void rowsRead(String file, long rows) {
        loading.put(file, rows);
        out.printf("\r  loading %d file(s): %,d rows so far", loading.size(),
                loading.values().stream().mapToLong(Long::longValue).sum());
    }

    @Override
    public synchronized void fileFinished(FileIngestResult r) {
        loading.remove(r.file());
        out.printf("\r\033[K  %-44s %,12d rows -> %-26s %,d accepted, %,d rejected, %,d duplicates (%,.0f rows/s)%n",
                r.file(), r.rowsRead(), r.table(), r.accepted(), r.rejected(), r.duplicates(), r.rowsPerSecond());
    }

    @Override
    public synchronized void summary(String line) {
        out.printf("\r\033[K  %s%n", line);
    }
}
