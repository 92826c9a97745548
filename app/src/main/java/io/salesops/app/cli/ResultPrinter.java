package io.salesops.app.cli;

import io.salesops.warehouse.analyst.QueryResult;
import io.salesops.warehouse.export.SpreadsheetCells;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints query results as an aligned table (CJK characters count two columns) or as CSV. */
final class ResultPrinter {
    private ResultPrinter() {
    }

    static void table(QueryResult result, PrintWriter out) {
        int[] widths = new int[result.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(result.columns().get(i));
            for (List<String> row : result.rows()) {
                widths[i] = Math.max(widths[i], width(text(row.get(i))));
            }
        }
        printRow(result.columns(), widths, out);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append(rule.isEmpty() ? "" : "-+-").append("-".repeat(width));
        }
        out.println(rule);
        result.rows().forEach(row -> printRow(row, widths, out));
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
    }

    /** Formula-looking cells are prefixed with a quote so a spreadsheet never evaluates them. */
    static void csv(QueryResult result, PrintWriter out) {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(result.columns());
            for (List<String> row : result.rows()) {
                printer.printRecord(row.stream().map(ResultPrinter::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String inert(String value) {
        return SpreadsheetCells.inert(value);
    }

    private static void printRow(List<String> cells, int[] widths, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = text(cells.get(i));
            line.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - width(cell)));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String text(String value) {
        return value == null ? "NULL" : value;
    }

    /** Terminal columns: East Asian wide characters take two. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
