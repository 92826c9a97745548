package io.salesops.jobs.commission.credit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark side of {@link InvoiceEvents}: each touched invoice with its payments and credit notes
 * comes together in one group (one shuffle), the pure function makes its events, and they leave
 * as rows carrying the invoice's order, customer, salesperson and currency, ready to be spread
 * over the order's lines.
 */
final class InvoiceEventRows {

    private static final String INVOICE = "I";
    private static final String PAYMENT = "P";
    private static final String CREDIT_NOTE = "C";
    private static final DataType MONEY = DataTypes.createDecimalType(24, 6);

    /** The events' columns, as {@link CommissionEvents} spreads them. */
    static final StructType EVENT = new StructType()
            .add("basis", DataTypes.StringType).add("reason_code", DataTypes.StringType)
            .add("source_table", DataTypes.StringType).add("source_key", DataTypes.StringType)
            .add("event_date", DataTypes.DateType).add("order_id", DataTypes.StringType)
            .add("invoice_id", DataTypes.StringType).add("customer_id", DataTypes.StringType)
            .add("rep_id", DataTypes.StringType).add("currency", DataTypes.StringType)
            .add("event_net", CommissionEvents.AMOUNT).add("whole_order", DataTypes.BooleanType);

    private InvoiceEventRows() {
    }

    static Dataset<Row> events(Dataset<Row> invoices, Dataset<Row> payments, Dataset<Row> creditNotes,
                               InvoiceEvents.Rules rules) {
        Dataset<Row> rows = invoices.select(keyed(INVOICE, col("invoice_id"), lit(null), col("invoice_date"),
                        col("due_date"), col("net_amount"), col("net_amount").plus(col("tax_amount")), lit(null),
                        col("order_id"), col("customer_id"), col("rep_id"), col("currency")))
                .unionByName(payments.select(keyed(PAYMENT, col("invoice_id"), col("payment_id"),
                        col("payment_date"), lit(null), col("amount"), lit(null), lit(null), lit(null), lit(null),
                        lit(null), lit(null))))
                .unionByName(creditNotes.select(keyed(CREDIT_NOTE, col("invoice_id"), col("credit_note_id"),
                        col("issue_date"), lit(null), col("net_amount"), col("net_amount").plus(col("tax_amount")),
                        col("reason"), lit(null), lit(null), lit(null), lit(null))));
        return rows.groupByKey((MapFunction<Row, String>) row -> row.getString(1), Encoders.STRING())
                .flatMapGroups(new Function(rules), Encoders.row(EVENT));
    }

    private static Column[] keyed(String kind, Column invoice, Column id, Column date, Column due, Column amount,
                                  Column gross, Column text, Column order, Column customer, Column rep,
                                  Column currency) {
        return new Column[] {lit(kind).as("kind"), invoice.as("k_invoice"), id.cast(DataTypes.StringType).as("k_id"),
                date.cast(DataTypes.DateType).as("k_date"), due.cast(DataTypes.DateType).as("k_due"),
                amount.cast(MONEY).as("k_amount"), gross.cast(MONEY).as("k_gross"),
                text.cast(DataTypes.StringType).as("k_text"), order.cast(DataTypes.StringType).as("k_order"),
                customer.cast(DataTypes.StringType).as("k_customer"), rep.cast(DataTypes.StringType).as("k_rep"),
                currency.cast(DataTypes.StringType).as("k_currency")};
    }

    /** One invoice's rows → its events as rows; payments and credit notes without their invoice give nothing. */
    private static final class Function implements FlatMapGroupsFunction<String, Row, Row> {

        private final InvoiceEvents.Rules rules;

        Function(InvoiceEvents.Rules rules) {
            this.rules = rules;
        }

        @Override
        public Iterator<Row> call(String invoiceId, Iterator<Row> rows) {
            Row header = null;
            List<InvoiceEvents.Payment> payments = new ArrayList<>();
            List<InvoiceEvents.CreditNote> notes = new ArrayList<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                switch (row.getString(0)) {
                    case INVOICE -> header = row;
                    case PAYMENT -> payments.add(new InvoiceEvents.Payment(row.getString(2), date(row, 3),
                            row.getDecimal(5)));
                    default -> notes.add(new InvoiceEvents.CreditNote(row.getString(2), date(row, 3),
                            row.getDecimal(5), row.getDecimal(6), row.getString(7)));
                }
            }
            if (header == null) {
                return java.util.Collections.emptyIterator();
            }
            BigDecimal gross = header.getDecimal(6);
            InvoiceEvents.Invoice invoice = new InvoiceEvents.Invoice(invoiceId, date(header, 3), date(header, 4),
                    header.getDecimal(5), gross);
            List<Row> out = new ArrayList<>();
            for (InvoiceEvents.Event e : InvoiceEvents.of(invoice, payments, notes, rules)) {
                out.add(RowFactory.create(e.basis(), e.reasonCode(), e.sourceTable(), e.sourceKey(),
                        Date.valueOf(e.date()), header.getString(8), invoiceId, header.getString(9),
                        header.getString(10), header.getString(11), e.net(), false));
            }
            return out.iterator();
        }

        private static java.time.LocalDate date(Row row, int index) {
            return row.isNullAt(index) ? null : row.getDate(index).toLocalDate();
        }
    }
}
