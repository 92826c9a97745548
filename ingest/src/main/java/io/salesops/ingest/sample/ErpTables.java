package io.salesops.ingest.sample;

import io.salesops.ingest.sample.OrderLines.Line;
import io.salesops.ingest.sample.Settlement.Payment;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ERP transactions: erp/sales_orders.csv (Kingdee style), erp/order_lines.csv,
 * erp/invoices.csv, erp/payments.csv and erp/credit_notes.csv, written together order by order.
 * Each month, every customer places a Poisson number of orders (its rate × season × growth); the
 * month's orders are sorted by day and numbered XSDD + yyMM + sequence. An order ships 1–7 days
 * later and is invoiced on shipping; it stays open if that is after the window, and is closed once
 * its invoice is paid in full. Export customers (USD, EUR) are zero-rated; everyone else pays 13 % VAT.
 */
final class ErpTables implements Closeable {
    private static final double[] CREDIT_REASON_WEIGHTS = {0.40, 0.35, 0.25};
    private static final String[] CREDIT_REASONS = {"return", "price_adjustment", "quality"};
    private static final double CREDIT_NOTE_RATE = 0.02;

    private final World world;
    private final CsvTableWriter orders;
    private final CsvTableWriter lines;
    private final CsvTableWriter invoices;
    private final CsvTableWriter payments;
    private final CsvTableWriter creditNotes;
    private final SplittableRandom orderRandom;
    private final SplittableRandom invoiceRandom;
    private final SplittableRandom paymentRandom;
    private final SplittableRandom creditRandom;
    private long invoiceNumber;
    private long paymentNumber;
    private long creditNoteNumber;

    private ErpTables(World world, SampleOutputs out) throws IOException {
        this.world = world;
        RandomStreams streams = world.streams();
        orders = out.open(OutputFile.SALES_ORDERS_CSV);
        lines = out.open(OutputFile.ORDER_LINES_CSV);
        invoices = out.open(OutputFile.INVOICES_CSV);
        payments = out.open(OutputFile.PAYMENTS_CSV);
        creditNotes = out.open(OutputFile.CREDIT_NOTES_CSV);
        orderRandom = streams.forTable("orders");
        invoiceRandom = streams.forTable("invoices");
        paymentRandom = streams.forTable("payments");
        creditRandom = streams.forTable("credit_notes");
    }

    static void write(World world, SampleOutputs out) throws IOException {
        try (ErpTables erp = new ErpTables(world, out)) {
            erp.writeAllMonths();
        }
    }

    private void writeAllMonths() throws IOException {
        DataWindow window = world.window();
        CustomerBook customers = world.customers();
        long[] month = new long[1024];
        for (int m = 0; m < window.months(); m++) {
            int size = 0;
            for (int c = 0; c < customers.size; c++) {
                int orderCount = Draw.poisson(orderRandom, customers.expectedOrders(c, m, window));
                for (int k = 0; k < orderCount; k++) {
                    int from = Math.max(customers.sinceDay[c], window.monthStart(m));
                    int day = DataWindow.workday(orderRandom, from, window.monthEnd(m));
                    if (size == month.length) {
                        month = Arrays.copyOf(month, size * 2);
                    }
                    month[size++] = (long) (day - window.monthStart(m)) << 32 | c;
                }
            }
            Arrays.sort(month, 0, size);
            String prefix = "XSDD" + window.month(m).toString().substring(2).replace("-", "");
            for (int i = 0; i < size; i++) {
                int day = window.monthStart(m) + (int) (month[i] >>> 32);
                writeOrder(Ids.code(prefix, i + 1, 6), (int) month[i], day, m);
            }
        }
    }

    private void writeOrder(String orderId, int customer, int day, int m) throws IOException {
        CustomerBook customers = world.customers();
        AccountBook accounts = world.accounts();
        int account = customers.account[customer];
        int currency = accounts.currency[account];
        BigDecimal fxRate = world.fx().rate(currency, m);
        BigDecimal taxRate = currency == AccountBook.CNY ? Amounts.VAT : Amounts.NO_TAX;
        int[] regulars = OrderLines.regulars(world.streams(), world.products(), customer, accounts.industry[account]);
        OrderLines order = OrderLines.draw(orderRandom, world.products(), regulars, accounts.industry[account],
                customers.orderValue[customer], fxRate, taxRate);
        String rep = world.repId(world.accountOwnerAt(account, day));
        String currencyCode = accounts.currencyCode(account);
        boolean cancelled = Draw.chance(orderRandom, CustomerBook.CANCEL_RATE);
        int shipDay = day + Draw.between(orderRandom, 1, 7);

        String status = cancelled ? "cancelled" : "open";
        if (!cancelled && shipDay <= world.endDay()) {
            status = invoice(orderId, customer, rep, shipDay, order, currencyCode, taxRate) ? "closed" : "shipped";
        }
        orders.row(orderId, DataWindow.date(day), customers.id(customer), rep, currencyCode, fxRate, taxRate,
                order.gross(), status);
        int lineNo = 0;
        for (Line line : order.lines()) {
            lines.row(orderId, (long) ++lineNo, line.product().id(), line.quantity(), line.product().unit(),
                    line.unitPrice(), line.net(), line.tax());
        }
    }

    /** Writes the invoice, its known payments and maybe a credit note; true when paid in full. */
    private boolean invoice(String orderId, int customer, String rep, int day, OrderLines order, String currency,
                            BigDecimal taxRate) throws IOException {
        CustomerBook customers = world.customers();
        String invoiceId = Ids.code("XSFP", ++invoiceNumber, 8);
        int due = day + customers.creditDays[customer];
        invoices.row(invoiceId, orderId, customers.id(customer), rep, DataWindow.date(day),
                Draw.chance(invoiceRandom, 0.98) ? DataWindow.date(due) : null, order.net(), order.tax(), currency);
        Settlement settlement = Settlement.draw(paymentRandom, day, due, order.gross(), !currency.equals("CNY"),
                world.endDay());
        for (Payment payment : settlement.payments()) {
            payments.row(Ids.code("SKD", ++paymentNumber, 8), invoiceId, customers.id(customer),
                    DataWindow.date(payment.day()), payment.amount(), currency, payment.method());
        }
        if (Draw.chance(creditRandom, CREDIT_NOTE_RATE)) {
            creditNote(invoiceId, customer, day, order, currency, taxRate);
        }
        return settlement.paidInFull();
    }

    private void creditNote(String invoiceId, int customer, int invoiceDay, OrderLines order, String currency,
                            BigDecimal taxRate) throws IOException {
        int issueDay = invoiceDay + Draw.between(creditRandom, 3, 60);
        int reason = Draw.weighted(creditRandom, CREDIT_REASON_WEIGHTS);
        Line line = Draw.pick(creditRandom, order.lines());
        BigDecimal net = switch (reason) {
            case 0 -> line.net();
            case 1 -> Amounts.share(order.net(), Draw.uniform(creditRandom, 0.02, 0.08));
            default -> Amounts.share(line.net(), Draw.uniform(creditRandom, 0.05, 0.25));
        };
        if (issueDay > world.endDay() || net.signum() <= 0) {
            return;
        }
        BigDecimal tax = reason == 0 ? line.tax() : Amounts.tax(net, taxRate);
        creditNotes.row(Ids.code("XSTH", ++creditNoteNumber, 8), invoiceId, world.customers().id(customer),
                DataWindow.date(issueDay), net, tax, currency, CREDIT_REASONS[reason]);
    }

    @Override
    public void close() throws IOException {
        orders.close();
        lines.close();
        invoices.close();
        payments.close();
        creditNotes.close();
    }
}
