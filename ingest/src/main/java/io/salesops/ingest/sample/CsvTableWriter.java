package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Column;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams one table to one file, row by row: values in canonical column order are spelled by the
 * file's layout, possibly spoiled by its dirt policy, and printed RFC 4180 style (CRLF, quotes
 * only where needed). The encoder reports unmappable characters instead of writing '?'.
 */
final class CsvTableWriter implements Closeable {
    private static final int BUFFER_CHARS = 1 << 16;

    private final OutputFile file;
    private final List<Column> columns;
    private final CSVPrinter printer;
    private final DirtInjector dirt;
    private long rows;

    private CsvTableWriter(OutputFile file, CSVPrinter printer, DirtInjector dirt) {
        this.file = file;
        this.columns = file.table().columns();
        this.printer = printer;
        this.dirt = dirt;
    }

    static CsvTableWriter open(Path outDir, OutputFile file, SplittableRandom dirtRandom) throws IOException {
        Path target = outDir.resolve(file.path());
        Files.createDirectories(target.getParent());
        BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(target), file.layout().charset().newEncoder()),
                BUFFER_CHARS);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(file.layout().header(file.table()));
        return new CsvTableWriter(file, printer, new DirtInjector(file.table(), file.dirt(), dirtRandom));
    }

    /** One row; values in the table's column order, null for empty. */
    void row(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(file.path() + ": a row needs " + columns.size() + " values, cannot be: "
                    + values.length);
        }
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = file.layout().text(columns.get(i), values[i]);
        }
        dirt.write(texts, this::print);
    }

    FileReport report() {
        return new FileReport(file.path(), file.table().name(), file.layout().charset().name(), rows, dirt.counts());
    }

    @Override
    public void close() throws IOException {
        dirt.finish(this::print);
        printer.close(true);
    }

    private void print(String[] texts) throws IOException {
        printer.printRecord((Object[]) texts);
        rows++;
    }
}
