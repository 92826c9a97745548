package io.salesops.ingest.sample;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a generator run wrote, in manifest order; manifest.json holds the same content. */
public record GenerationReport(GeneratorSettings settings, List<FileReport> files) {

    public GenerationReport {
        Objects.requireNonNull(settings, "settings");
        files = List.copyOf(files);
    }

    public Optional<FileReport> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public long totalRows() {
        return files.stream().mapToLong(FileReport::rows).sum();
    }
}
