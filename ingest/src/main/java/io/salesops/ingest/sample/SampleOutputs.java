package io.salesops.ingest.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opens the files of one run and collects their reports in manifest order once they are closed. */
final class SampleOutputs {
    private final Path outDir;
    private final RandomStreams streams;
    private final Map<OutputFile, CsvTableWriter> writers = new LinkedHashMap<>();

    SampleOutputs(Path outDir, RandomStreams streams) {
        this.outDir = outDir;
        this.streams = streams;
    }

    /** Each file's dirt has its own stream: making one file dirtier leaves the others' bytes alone. */
    CsvTableWriter open(OutputFile file) throws IOException {
        if (writers.containsKey(file)) {
            throw new IllegalStateException("file is already written in this run: " + file.path());
        }
        CsvTableWriter writer = CsvTableWriter.open(outDir, file, streams.forTable("dirt." + file.path()));
        writers.put(file, writer);
        return writer;
    }

    List<FileReport> reports() {
        List<FileReport> reports = new ArrayList<>();
        for (OutputFile file : OutputFile.ALL) {
            CsvTableWriter writer = writers.get(file);
            if (writer == null) {
                throw new IllegalStateException("file was not written: " + file.path());
            }
            reports.add(writer.report());
        }
        return reports;
    }
}
