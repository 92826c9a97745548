package io.salesops.ingest.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Streams the records of one export with Commons CSV, in the encoding and delimiter that {@link
 * #inspect} found, each with the line it starts on. Memory does not depend on the file's size.
 */
public final class ExportReader implements Closeable {

    private final String label;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long previousEnd;

    public ExportReader(Path file, ExportLayout layout, String label) {
        this.label = label;
        try {
            this.parser = format(layout.delimiter()).parse(open(file, layout.encoding()));
        } catch (IOException e) {
            throw new IngestFileException(label + ": " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new IngestFileException(label + ": unreadable header: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
        this.previousEnd = parser.getCurrentLineNumber();
    }

    public List<String> header() {
        return parser.getHeaderNames();
    }

    /** The next record, or null at the end of the file. */
    public SourceRecord next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            return new SourceRecord(line, record);
        } catch (UncheckedIOException e) {
            throw new IngestFileException(label + ": malformed CSV: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Finds the encoding, the delimiter and the header, to detect the profile before the file is
     * loaded.
     *
     * @param declared the profile's declared charset, or null to detect it
     */
    public static ExportLayout inspect(Path file, java.nio.charset.Charset declared) throws IOException {
        return inspect(file, declared, null);
    }

    /** @param scan the file's {@link FileScan} if already taken, or null */
    public static ExportLayout inspect(Path file, java.nio.charset.Charset declared, FileScan scan)
            throws IOException {
        return layout(file, EncodingDetector.detect(file, declared, scan));
    }

    /** The layout of a file whose encoding is known: reads the first lines only. */
    private static ExportLayout layout(Path file, EncodingDetector.Detected encoding) throws IOException {
        char delimiter = sniffDelimiter(file, encoding);
        try (Reader reader = open(file, encoding);
             CSVParser parser = format(delimiter).parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new IngestFileException(file.getFileName() + ": the file is empty; an export needs a header line");
            }
            return new ExportLayout(encoding, delimiter, header);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IngestFileException(file.getFileName() + ": unreadable header: " + e.getMessage(), e);
        }
    }

    private static Reader open(Path file, EncodingDetector.Detected encoding) throws IOException {
        var in = Files.newInputStream(file);
        in.skipNBytes(encoding.bomLength());
        return new BufferedReader(new InputStreamReader(in, encoding.charset().newDecoder()), 1 << 16);
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
    }

    /** The delimiter is whichever of comma, semicolon and tab occurs most in the header line. */
    private static char sniffDelimiter(Path file, EncodingDetector.Detected encoding) throws IOException {
        try (BufferedReader reader = new BufferedReader(open(file, encoding))) {
            String header = reader.readLine();
            if (header == null) {
                return ',';
            }
            char best = ',';
            long bestCount = header.chars().filter(c -> c == ',').count();
            for (char candidate : new char[] {';', '\t'}) {
                long count = header.chars().filter(c -> c == candidate).count();
                if (count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
            return best;
        }
    }
}
