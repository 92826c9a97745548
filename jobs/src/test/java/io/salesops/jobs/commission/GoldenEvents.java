package io.salesops.jobs.commission;

import io.salesops.jobs.commission.credit.CommissionEvents;
import io.salesops.jobs.commission.period.CreditRow;
import io.salesops.jobs.spark.SharedSpark;
import io.salesops.jobs.spark.SparkSchemas;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.commons.csv.CSVRecord;

/**
 * Golden cases written as ERP rows rather than credits: an {@code events/} folder with the
 * canonical tables' CSV files (orders, order_lines, products, invoices, payments, credit_notes; a
 * missing file is an empty table) and {@code period.txt}. The events of the period (real Spark,
 * {@link CommissionEvents}) become the rep's credits as owner (share 1, the invoice's or order's
 * rep), which the job's per-rep path then pays.
 */
final class GoldenEvents {

    static final List<TableDefinition> TABLES = List.of(CanonicalTables.ORDERS, CanonicalTables.ORDER_LINES,
            CanonicalTables.PRODUCTS, CanonicalTables.INVOICES, CanonicalTables.PAYMENTS, CanonicalTables.CREDIT_NOTES);

    private GoldenEvents() {
    }

    static List<CreditRow> credits(Path events) throws IOException {
        YearMonth period = YearMonth.parse(Files.readString(events.resolve("period.txt")).strip());
        List<Dataset<Row>> tables = new ArrayList<>();
        for (TableDefinition table : TABLES) {
            tables.add(table(events.resolve(table.name() + ".csv"), table));
        }
        List<Row> rows = CommissionEvents.compute(new CommissionEvents.Inputs(tables.get(0), tables.get(1),
                tables.get(2), tables.get(3), tables.get(4), tables.get(5)), period, new CommissionEvents.Policy(0))
                .collectAsList();
        return rows.stream().map(r -> new CreditRow(r.getAs("rep_id"), null, "owner", BigDecimal.ONE, r.getAs("basis"),
                r.getAs("reason_code"), r.getAs("transaction_id"), r.getAs("source_table"), r.getAs("source_key"),
                r.<Date>getAs("event_date").toLocalDate(), r.getAs("amount"), r.getAs("currency"), r.getAs("category"),
                null, r.getAs("cost"), r.getAs("cost_currency"), r.getAs("quantity"), r.getAs("unit"),
                r.<Boolean>getAs("new_customer"))).toList();
    }

    /** A canonical table from a CSV file with its column names as header; empty cells are nulls. */
    private static Dataset<Row> table(Path csv, TableDefinition table) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (Files.exists(csv)) {
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord record : GoldenCasesTest.FORMAT.parse(reader)) {
                    Object[] values = new Object[table.columns().size()];
                    for (int i = 0; i < values.length; i++) {
                        Column column = table.columns().get(i);
                        String text = record.isMapped(column.name()) ? record.get(column.name()) : "";
                        values[i] = text.isEmpty() ? null : value(column, text);
                    }
                    rows.add(RowFactory.create(values));
                }
            }
        }
        return SharedSpark.get().createDataFrame(rows, SparkSchemas.of(table));
    }

    private static Object value(Column column, String text) {
        return switch (column.type()) {
            case STRING -> text;
            case LONG -> Long.valueOf(text);
            case MONEY, QUANTITY, RATE -> new BigDecimal(text);
            case DATE -> Date.valueOf(text);
            case BOOLEAN -> Boolean.valueOf(text);
            case TIMESTAMP -> throw new IllegalArgumentException("golden event files carry no timestamps: "
                    + column.name());
        };
    }
}
