package io.salesops.ingest.csv;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.parquet.ParquetRowWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Loads one export file into a staging directory as Parquet, streaming: Commons CSV reads a record,
 * the profile maps it, {@link ValueParser} types it, and the row is written or quarantined.
 *
 * <p>Records that break a column rule go to the reject writer with file, line, column and rule.
 * Records whose natural key was already seen in the file are dropped as duplicates (the first one
 * wins). When more than {@code maxRejectRatio} of the records are rejected, the file fails and
 * its staged Parquet is deleted, so nothing of it can be published.
 */
public final class CsvFileIngester {

    private static final int PROGRESS_EVERY = 100_000;

    private final ZoneId localZone;
    private final double maxRejectRatio;

    public CsvFileIngester(ZoneId localZone, double maxRejectRatio) {
        if (maxRejectRatio < 0 || maxRejectRatio > 1) {
            throw new IllegalArgumentException("the reject threshold must be between 0 and 1, cannot be: "
                    + maxRejectRatio);
        }
        this.localZone = localZone;
        this.maxRejectRatio = maxRejectRatio;
    }

    /**
     * @param file      the export
     * @param layout    its encoding, delimiter and header, as {@link #inspect} found them
     * @param fileLabel how the file is named in lineage and messages (relative to the data directory)
     * @param output    Parquet file to create in the table's staging directory
     */
    public FileIngestResult ingest(Path file, ExportLayout layout, String fileLabel, SourceProfile profile,
                                   Path output, String batchId, RejectWriter rejects, IngestProgress progress) {
        long started = System.nanoTime();
        TableDefinition table = profile.table();
        progress.fileStarted(fileLabel, table.name());
        try {
            EncodingDetector.Detected encoding = layout.encoding();
            Counts counts = new Counts();
            try (Reader reader = open(file, encoding);
                 CSVParser parser = format(layout.delimiter()).parse(reader);
                 ParquetRowWriter writer = new ParquetRowWriter(output, table.name(), table.storedColumns())) {
                RecordMapper mapper = new RecordMapper(profile, parser.getHeaderNames(), fileLabel,
                        new ValueParser(localZone, profile.formats()));
                long previousEnd = parser.getCurrentLineNumber();
                Set<String> seenKeys = new HashSet<>();
                for (CSVRecord record : parser) {
                    long line = previousEnd + 1;
                    previousEnd = parser.getCurrentLineNumber();
                    counts.read++;
                    handle(record, line, mapper, seenKeys, writer, rejects, counts, batchId, fileLabel, table);
                    if (counts.read % PROGRESS_EVERY == 0) {
                        progress.rowsRead(fileLabel, counts.read);
                    }
                }
            } catch (UncheckedIOException e) {
                throw malformed(fileLabel, e);
            }
            FileIngestResult result = new FileIngestResult(fileLabel, table.name(), profile.name(),
                    encoding.charset().name(), counts.read, counts.accepted, counts.rejected, counts.duplicates,
                    counts.byRule, (System.nanoTime() - started) / 1_000_000);
            enforceThreshold(result, output);
            progress.fileFinished(result);
            return result;
        } catch (IOException e) {
            deleteQuietly(output);
            throw new IngestFileException(fileLabel + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(output);
            throw e;
        }
    }

    private static void handle(CSVRecord record, long line, RecordMapper mapper, Set<String> seenKeys,
                               ParquetRowWriter writer, RejectWriter rejects, Counts counts, String batchId,
                               String fileLabel, TableDefinition table) {
        try {
            Object[] row = mapper.map(record, line, batchId);
            if (!seenKeys.add(mapper.naturalKey(row))) {
                counts.duplicates++;
                return;
            }
            writer.write(row);
            counts.accepted++;
        } catch (RecordRejected e) {
            counts.rejected++;
            counts.byRule.merge(e.rule(), 1L, Long::sum);
            rejects.reject(table.name(), batchId, fileLabel, line, e.column(), e.rule(), e.getMessage(),
                    String.join(",", record.values()));
        }
    }

    private void enforceThreshold(FileIngestResult result, Path output) {
        if (result.rowsRead() == 0) {
            return;
        }
        double ratio = (double) result.rejected() / result.rowsRead();
        if (ratio > maxRejectRatio) {
            deleteQuietly(output);
            throw new IngestFileException(String.format(java.util.Locale.ROOT,
                    "%s: %d of %d records rejected (%.1f%%), above the %.1f%% threshold; by rule %s;"
                            + " nothing of this file was published",
                    result.file(), result.rejected(), result.rowsRead(), ratio * 100, maxRejectRatio * 100,
                    result.rejectsByRule()));
        }
    }

    /**
     * Finds the encoding, the delimiter and the header, to detect the profile before the file is
     * loaded.
     *
     * @param declared the profile's declared charset, or null to detect it
     */
    public static ExportLayout inspect(Path file, Charset declared) throws IOException {
        EncodingDetector.Detected encoding = EncodingDetector.detect(file, declared);
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

    private static IngestFileException malformed(String fileLabel, UncheckedIOException e) {
        return new IngestFileException(fileLabel + ": malformed CSV: " + e.getCause().getMessage(), e);
    }

    private static void deleteQuietly(Path output) {
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // the staging directory is wiped when the batch is staged again
        }
    }

    private static final class Counts {
        long read;
        long accepted;
        long rejected;
        long duplicates;
        final Map<String, Long> byRule = new HashMap<>();
    }
}
