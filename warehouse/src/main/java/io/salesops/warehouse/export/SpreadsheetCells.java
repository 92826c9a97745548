package io.salesops.warehouse.export;

/**
 * Cells of CSV files people open in a spreadsheet. A value that a spreadsheet would evaluate as a
 * formula (starting with =, @, +, -, a tab or a carriage return, unless it is a plain number) gets
 * a leading apostrophe, so an export carrying text typed into a CRM can never run as a formula.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !value.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?"));
        return formula ? "'" + value : value;
    }
}
