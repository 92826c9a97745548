package io.salesops.app.cli;

import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestProgress;
import java.io.PrintStream;

/** Ingest progress on a terminal: a line per file with rows and rows/s. Silent when output is piped. */
final class ConsoleProgress implements IngestProgress {

    private final PrintStream out;

    private ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    static IngestProgress forTerminal() {
        return System.console() == null ? IngestProgress.SILENT : new ConsoleProgress(System.err);
    }

    @Override
    public void rowsRead(String file, long rows) {
        out.printf("\r  %-44s %,12d rows", file, rows);
    }

    @Override
    public void fileFinished(FileIngestResult r) {
        out.printf("\r  %-44s %,12d rows -> %-26s %,d accepted, %,d rejected, %,d duplicates (%,.0f rows/s)%n",
                r.file(), r.rowsRead(), r.table(), r.accepted(), r.rejected(), r.duplicates(), r.rowsPerSecond());
    }
}
