package io.salesops.jobs.commission.run;

import io.salesops.warehouse.files.AtomicFile;
import io.salesops.warehouse.export.SpreadsheetCells;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The payroll file of a period: one row per statement, UTF-8 with a byte-order mark and CRLF line
 * ends so Excel opens Chinese names correctly, every text cell made inert against formula
 * injection ({@link SpreadsheetCells}). Written beside its final name and moved into place, so
 * payroll never picks up half a file.
 */
final class PayrollExport {

    static final List<String> HEADER = List.of("period", "rep_id", "rep_name", "plan", "currency", "earned",
            "adjustments", "payable");

    /** One statement as payroll sees it. */
    record Row(String repId, String repName, String plan, String currency, BigDecimal earned, BigDecimal adjustments,
            BigDecimal payable) {
    }

    private PayrollExport() {
    }

    static String fileName(String period, String runId) {
        return "payroll-" + period + "-run-" + runId + ".csv";
    }

    static Path write(Path folder, String period, String runId, List<Row> rows) {
        Path target = folder.resolve(fileName(period, runId));
        return AtomicFile.replace(target, temp -> {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                writer.write('\uFEFF');
                printer.printRecord(HEADER);
                for (Row row : rows) {
                    printer.printRecord(period, SpreadsheetCells.inert(row.repId()),
                            SpreadsheetCells.inert(row.repName()), SpreadsheetCells.inert(row.plan()),
                            row.currency(), row.earned().toPlainString(), row.adjustments().toPlainString(),
                            row.payable().toPlainString());
                }
            }
        });
    }

    /** Reads a payroll file back: payable per rep id, as written (the reconciliation's third sum). */
    static Map<String, BigDecimal> payableByRep(Path file) {
        Map<String, BigDecimal> payable = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (reader.read() != '\uFEFF') {
                throw new IllegalStateException(file + " does not start with a byte-order mark");
            }
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                payable.merge(record.get("rep_id"), new BigDecimal(record.get("payable")), BigDecimal::add);
            }
            return payable;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the payroll export " + file, e);
        }
    }
}
