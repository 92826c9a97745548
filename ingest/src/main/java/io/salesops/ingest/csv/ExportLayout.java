package io.salesops.ingest.csv;

import java.util.List;

/**
 * What reading a file's first line established: its encoding, delimiter and header. Found once per
 * file while the batch is planned, then used to load it, so the encoding scan (a pass over the
 * whole file) is not repeated.
 */
public record ExportLayout(EncodingDetector.Detected encoding, char delimiter, List<String> header) {
    public ExportLayout {
        header = List.copyOf(header);
    }
}
