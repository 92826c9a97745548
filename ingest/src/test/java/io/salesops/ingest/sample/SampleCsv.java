package io.salesops.ingest.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads generated files back the way an ingest would: Commons CSV, RFC 4180, columns by header name. */
final class SampleCsv {
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private SampleCsv() {
    }

    static List<CSVRecord> records(Path dir, String path) {
        return records(dir, path, StandardCharsets.UTF_8);
    }

    static List<CSVRecord> records(Path dir, String path, Charset charset) {
        try (CSVParser parser = CSVParser.parse(dir.resolve(path), charset, WITH_HEADER)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Path dir, String path, Charset charset) {
        try (CSVParser parser = CSVParser.parse(dir.resolve(path), charset, WITH_HEADER)) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
