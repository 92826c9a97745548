package io.salesops.app.cli;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The default period of a month-end run: the last complete month in the data. The data's last
 * invoice date (in the warehouse, or before the first ingest in the landing exports' invoices.csv)
 * gives its last month; a month that is still running (the current calendar month)
 * is not complete, so the one before it is taken.
 */
final class PeriodDefaults {
    private PeriodDefaults() {
    }

    static YearMonth lastCompleteMonth(Warehouse warehouse, DataLayout layout, Clock clock) {
        List<Path> invoiceExports = Files.isDirectory(layout.landing())
                ? LandingIngest.exportFiles(layout.landing()).stream()
                .filter(p -> p.getFileName().toString().equals("invoices.csv")).toList()
                : List.of();
        Optional<LocalDate> last = warehouse.current(CanonicalTables.INVOICES)
                .map(version -> maxDate("read_parquet(?)", version.parquetGlob()))
                .orElseGet(() -> invoiceExports.stream()
                        .map(file -> maxDate("read_csv(?, all_varchar = true, header = true)", file.toString()))
                        .flatMap(Optional::stream).max(LocalDate::compareTo));
        LocalDate lastDate = last.flatMap(d -> Optional.ofNullable(d)).orElseThrow(() -> new CliException(
                "cannot tell the last complete month: no invoices in the warehouse or the exports; pass --period"));
        return lastCompleteMonth(lastDate, YearMonth.now(clock));
    }

    static YearMonth lastCompleteMonth(LocalDate lastDataDate, YearMonth currentMonth) {
        YearMonth dataMonth = YearMonth.from(lastDataDate);
        return dataMonth.isBefore(currentMonth) ? dataMonth : currentMonth.minusMonths(1);
    }

    private static Optional<LocalDate> maxDate(String source, String path) {
        String sql = "SELECT max(TRY_CAST(invoice_date AS DATE)) FROM " + source;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, path);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDate.class));
            }
        } catch (SQLException e) {
            throw new CliException("cannot read invoice dates from " + path + ": " + e.getMessage());
        }
    }
}
