package io.salesops.jobs.commission.assign;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a small set-up CSV with a fixed header (UTF-8, optional BOM) and collects every problem as
 * "FILE line N, column C: rule, cannot be: value", so a file is reported whole.
 */
final class DatedCsv {

    private final String fileName;
    private final List<String> problems = new ArrayList<>();

    DatedCsv(String fileName) {
        this.fileName = fileName;
    }

    /** The records after the header; the header must be exactly {@code columns}. */
    List<CSVRecord> read(Path path, List<String> columns) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    List<CSVRecord> read(Reader reader, List<String> columns) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)
                .getRecords();
        if (records.isEmpty()) {
            problem(1, "header", "the file needs the header " + String.join(",", columns), "an empty file");
            return List.of();
        }
        List<String> header = records.get(0).toList().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
        if (!header.equals(columns)) {
            problem(1, "header", "the header must be " + String.join(",", columns), String.join(",", header));
            return List.of();
        }
        List<CSVRecord> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != columns.size()) {
                problem(line(record), "", "a row has " + columns.size() + " fields", record.size() + " fields");
                continue;
            }
            rows.add(record);
        }
        return rows;
    }

    String required(CSVRecord record, String column, List<String> columns) {
        String value = record.get(columns.indexOf(column)).trim();
        if (value.isEmpty()) {
            problem(line(record), column, "is required", "empty");
        }
        return value;
    }

    String optional(CSVRecord record, String column, List<String> columns) {
        return record.get(columns.indexOf(column)).trim();
    }

    /** An ISO date, or null (a problem recorded) when the text is not one; null for empty text. */
    LocalDate date(CSVRecord record, String column, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(line(record), column, "must be a date as YYYY-MM-DD", text);
            return null;
        }
    }

    static long line(CSVRecord record) {
        // header is line 1, and set-up files have no quoted line breaks worth counting separately
        return record.getRecordNumber();
    }

    void problem(long line, String column, String rule, String value) {
        problems.add(fileName + " line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + rule
                + ", cannot be: " + value);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new SetupException(problems);
        }
    }
}
