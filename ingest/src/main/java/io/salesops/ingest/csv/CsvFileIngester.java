package io.salesops.ingest.csv;

import io.salesops.ingest.parse.ValueParser;
import io.salesops.ingest.parse.ValueRejected;
import io.salesops.ingest.profile.SourceProfile;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.merge.ParquetMerge;
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
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Loads one export file into a staging directory as Parquet, streaming: Commons CSV reads a record,
 * the profile maps it, {@link ValueParser} types it, and the row is written or quarantined.
 *
 * <p>Records that break a column rule go to the reject writer with file, line, column and rule.
 * In a snapshot export, records whose natural key was already seen in the file are dropped as
 * duplicates (the first one wins): in memory while the keys fit the dedupe budget, and for larger
 * files by a DuckDB pass over the written Parquet, so memory does not grow with the file. An
 * incremental export keeps every record (the merge picks the newest per key) and writes records
 * marked as deleted to a tombstone file beside the part. When more than {@code maxRejectRatio} of
 * the records are rejected, the file fails and its staged Parquet is deleted, so nothing of it can
 * be published.
 */
public final class CsvFileIngester {

    private static final int PROGRESS_EVERY = 100_000;

    private final ZoneId localZone;
    private final double maxRejectRatio;
    private final long dedupeBudgetBytes;

    public CsvFileIngester(ZoneId localZone, double maxRejectRatio) {
        this(localZone, maxRejectRatio, DEFAULT_DEDUPE_BUDGET);
    }

    /** Heap one file may use to remember its natural keys before deduplication moves to DuckDB. */
    public static final long DEFAULT_DEDUPE_BUDGET = 192L << 20;

    /**
     * @param dedupeBudgetBytes heap one file may use for its natural keys; beyond it duplicates are
     *                          removed by a DuckDB pass over the written file
     */
    public CsvFileIngester(ZoneId localZone, double maxRejectRatio, long dedupeBudgetBytes) {
        this.dedupeBudgetBytes = dedupeBudgetBytes;
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
     * @param output    Parquet file to create in the table's staging directory; tombstones of an
     *                  incremental export go to the same name under {@code _deletes/} beside it
     */
    public FileIngestResult ingest(Path file, ExportLayout layout, String fileLabel, SourceProfile profile,
                                   Path output, String batchId, RejectWriter rejects, IngestProgress progress) {
        long started = System.nanoTime();
        TableDefinition table = profile.table();
        progress.fileStarted(fileLabel, table.name());
        try {
            EncodingDetector.Detected encoding = layout.encoding();
            Counts counts = new Counts();
            boolean incremental = profile.load().incremental();
            Target target = new Target(incremental ? null : new NaturalKeySet(dedupeBudgetBytes),
                    incremental ? new Tombstones(tombstoneFile(output), table) : null);
            try (Reader reader = open(file, encoding);
                 CSVParser parser = format(layout.delimiter()).parse(reader);
                 ParquetRowWriter writer = new ParquetRowWriter(output, table.name(), table.storedColumns(),
                         java.util.Set.copyOf(table.naturalKey()));
                 Tombstones tombstones = target.tombstones()) {
                RecordMapper mapper = new RecordMapper(profile, parser.getHeaderNames(), fileLabel,
                        new ValueParser(localZone, profile.formats()));
                long previousEnd = parser.getCurrentLineNumber();
                for (CSVRecord record : parser) {
                    long line = previousEnd + 1;
                    previousEnd = parser.getCurrentLineNumber();
                    counts.read++;
                    handle(record, line, mapper, target, writer, rejects, counts, batchId, fileLabel, table);
                    if (counts.read % PROGRESS_EVERY == 0) {
                        progress.rowsRead(fileLabel, counts.read);
                    }
                }
            } catch (UncheckedIOException e) {
                throw malformed(fileLabel, e);
            }
            if (counts.keysOverflowed) {
                Path spill = output.resolveSibling("_spill-" + output.getFileName());
                long removed = new ParquetMerge(spill, "1GB").keepFirstPerKey(output, table);
                io.salesops.warehouse.store.FileTrees.deleteIfExists(spill);
                counts.duplicates += removed;
                counts.accepted -= removed;
            }
            FileIngestResult result = new FileIngestResult(fileLabel, table.name(), profile.name(),
                    encoding.charset().name(), counts.read, counts.accepted, counts.rejected, counts.duplicates,
                    counts.deletes, counts.byRule, (System.nanoTime() - started) / 1_000_000);
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

    private static void handle(CSVRecord record, long line, RecordMapper mapper, Target target,
                               ParquetRowWriter writer, RejectWriter rejects, Counts counts, String batchId,
                               String fileLabel, TableDefinition table) {
        try {
            if (target.tombstones() != null && mapper.isDelete(record)) {
                target.tombstones().write(mapper.mapDelete(record, line, batchId));
                counts.deletes++;
                return;
            }
            Object[] row = mapper.map(record, line, batchId);
            if (target.keys() != null && !counts.keysOverflowed) {
                switch (target.keys().add(mapper.naturalKey(row))) {
                    case DUPLICATE -> {
                        counts.duplicates++;
                        return;
                    }
                    case FULL -> counts.keysOverflowed = true; // the DuckDB pass after the file takes over
                    case NEW -> {
                    }
                }
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
            Files.deleteIfExists(tombstoneFile(output));
        } catch (IOException ignored) {
            // the staging directory is wiped when the batch is staged again
        }
    }

    /** Tombstone file of an incremental part. */
    static Path tombstoneFile(Path part) {
        return part.resolveSibling(TOMBSTONES).resolve(part.getFileName());
    }

    /** Folder of tombstone files in a staging directory; the merge consumes and removes it. */
    public static final String TOMBSTONES = "_deletes";

    /** Where a file's rows go besides the part: the key set of a snapshot, the tombstones of an incremental file. */
    private record Target(NaturalKeySet keys, Tombstones tombstones) {
    }

    /** Opens its Parquet file on the first tombstone, so files without deletes leave nothing behind. */
    private static final class Tombstones implements java.io.Closeable {
        private final Path file;
        private final TableDefinition table;
        private ParquetRowWriter writer;

        Tombstones(Path file, TableDefinition table) {
            this.file = file;
            this.table = table;
        }

        void write(Object[] tombstone) {
            if (writer == null) {
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + file.getParent(), e);
                }
                writer = new ParquetRowWriter(file, table.name() + "_deletes", RecordMapper.tombstoneColumns(table));
            }
            writer.write(tombstone);
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }
    }

    private static final class Counts {
        long read;
        long accepted;
        long rejected;
        long duplicates;
        long deletes;
        boolean keysOverflowed;
        final Map<String, Long> byRule = new HashMap<>();
    }
}
