package io.salesops.jobs.commission.credit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.commission.plan.Basis;
import io.salesops.warehouse.model.CanonicalTables;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The commissionable events of one period, for the bases asked, at order-line grain: what a rep
 * may be credited for, before anyone is credited. Bookings come from the period's orders; every
 * event on an invoice comes from {@link InvoiceEvents}, run once per invoice the period touches.
 *
 * <ul>
 * <li><b>booking</b>: each line of an order dated in the period, unless the order is cancelled;</li>
 * <li><b>invoice</b>: each invoice dated in the period, spread over its order's lines;</li>
 * <li><b>cash</b>: each payment received in the period, as the share of the invoice's gross
 * (tax-included) total it pays, applied to the invoice's net; a payment beyond what is still owed
 * (after credit notes) earns nothing more;</li>
 * <li><b>clawbacks</b> (negative events with a reason code): a credit note issued in the period
 * reverses its net amount (on cash basis only what had been paid beyond the lowered total, since
 * the rest was never earned and later payments are smaller by themselves) — {@code CREDIT_NOTE_RETURN}, {@code CREDIT_NOTE_PRICE_ADJUSTMENT},
 * {@code CREDIT_NOTE_QUALITY}; on booking and invoice basis, an invoice still partly unpaid
 * {@code unpaidAfterDays} after its due date (its invoice date when it has none) reverses the unpaid
 * share — {@code UNPAID_AFTER_N_DAYS} — and a payment received after that earns again —
 * {@code PAID_AFTER_CLAWBACK}.</li>
 * </ul>
 *
 * <p>An event on an invoice is spread over the order's lines by their net amounts, so categories,
 * cost and quantity follow the products; an invoice without order lines is one event without a
 * product. Pro-rata amounts are kept to 6 decimals: the plan rounds once, later. Cancelling an
 * order booked in a period already closed is not an event here: the recalculated closed period
 * no longer credits it and the ledger posts the reversal as an adjustment.
 */
public final class CommissionEvents {

    /** Pro-rata amounts: 6 decimals below the yuan, far below any payout rounding. */
    public static final DataType AMOUNT = DataTypes.createDecimalType(24, 6);
    private static final DataType FRACTION = DataTypes.createDecimalType(28, 16);
    private static final DataType QUANTITY = DataTypes.createDecimalType(24, 6);

    public static final List<String> COLUMNS = List.of("basis", "reason_code", "source_table", "source_key",
            "transaction_id", "event_date", "order_id", "order_date", "line_no", "invoice_id", "customer_id", "rep_id",
            "product_id", "category", "amount", "currency", "cost", "cost_currency", "quantity", "unit",
            "new_customer");

    public record Inputs(Dataset<Row> orders, Dataset<Row> orderLines, Dataset<Row> products, Dataset<Row> invoices,
            Dataset<Row> payments, Dataset<Row> creditNotes) {
    }

    /**
     * @param unpaidAfterDays days after the due date an unpaid invoice is clawed back; 0 turns it off
     * @param bases           the bases whose events are wanted: those of the plans that pay in the period
     */
    public record Policy(int unpaidAfterDays, Set<Basis> bases) implements java.io.Serializable {
        public Policy {
            if (unpaidAfterDays < 0) {
                throw new IllegalArgumentException("unpaid-after days must be at least 0 (0 turns the clawback off),"
                        + " cannot be: " + unpaidAfterDays);
            }
            bases = Set.copyOf(bases);
        }

        /** Events of every basis. */
        public Policy(int unpaidAfterDays) {
            this(unpaidAfterDays, EnumSet.allOf(Basis.class));
        }

        String unpaidReason() {
            return "UNPAID_AFTER_" + unpaidAfterDays + "_DAYS";
        }

        boolean wants(Basis basis) {
            return bases.contains(basis);
        }

        /** Booking and invoice basis claw back invoices unpaid too long; cash basis never paid them. */
        boolean clawsBackUnpaid() {
            return unpaidAfterDays > 0 && (wants(Basis.BOOKING) || wants(Basis.INVOICE));
        }

        /** The clawback bases, as event basis names. */
        List<String> unpaidBases() {
            return Stream.of(Basis.BOOKING, Basis.INVOICE).filter(this::wants).map(Basis::code).toList();
        }
    }

    private CommissionEvents() {
    }

    /**
     * A period's events read little of the history: the invoices it touches (paid, credited,
     * invoiced or clawed back in the period) with all their payments and credit notes, and the
     * orders of those invoices and of the period's bookings with all their lines. Everything is
     * first narrowed to those, through broadcast semi-joins, so the windows and joins below run
     * over a month of activity rather than years of it.
     */
    public static Dataset<Row> compute(Inputs in, YearMonth period, Policy policy) {
        Inputs scoped = scope(in, period, policy);
        Dataset<Row> lines = lines(scoped, in.orders());
        Dataset<Row> events = InvoiceEventRows.events(scoped.invoices(), scoped.payments(), scoped.creditNotes(),
                new InvoiceEvents.Rules(period, policy, Set.copyOf(CanonicalTables.CREDIT_NOTES
                        .column("reason").orElseThrow().allowedValues())));
        if (policy.wants(Basis.BOOKING)) {
            events = booked(scoped, period).unionByName(events);
        }
        return spread(events, lines).localCheckpoint();
    }

    /**
     * The inputs narrowed to what the period's events read: the touched invoices (materialised,
     * small) with their payments and credit notes, and the orders of those invoices and of the
     * period's bookings with their lines. Each kept invoice and order keeps its whole history, so
     * running totals over it are unchanged.
     */
    private static Inputs scope(Inputs in, YearMonth period, Policy policy) {
        List<Dataset<Row>> touched = new ArrayList<>();
        touched.add(in.payments().where(inPeriod(col("payment_date"), period)).select(col("invoice_id").as("t_id")));
        touched.add(in.creditNotes().where(inPeriod(col("issue_date"), period)).select(col("invoice_id").as("t_id")));
        if (policy.wants(Basis.INVOICE)) {
            touched.add(in.invoices().where(inPeriod(col("invoice_date"), period)).select(col("invoice_id").as("t_id")));
        }
        if (policy.clawsBackUnpaid()) {
            touched.add(in.invoices().where(inPeriod(clawDate(policy), period)).select(col("invoice_id").as("t_id")));
        }
        Dataset<Row> invoiceIds = broadcast(touched.stream().reduce(Dataset::unionByName).orElseThrow()
                .where(col("t_id").isNotNull()).distinct().localCheckpoint());
        // each read several times below: materialised once, a month's worth; the independent ones
        // at the same time, since a small job leaves cores idle while Spark schedules the next
        var payments = Concurrently.localCheckpoint(
                in.payments().join(invoiceIds, col("invoice_id").equalTo(col("t_id")), "left_semi"));
        var creditNotes = Concurrently.localCheckpoint(
                in.creditNotes().join(invoiceIds, col("invoice_id").equalTo(col("t_id")), "left_semi"));
        Dataset<Row> invoices = in.invoices().join(invoiceIds, col("invoice_id").equalTo(col("t_id")), "left_semi")
                .localCheckpoint();
        Dataset<Row> orderIds = invoices.where(col("order_id").isNotNull()).select(col("order_id").as("t_order"));
        if (policy.wants(Basis.BOOKING)) {
            orderIds = orderIds.unionByName(in.orders().where(inPeriod(col("order_date"), period))
                    .select(col("order_id").as("t_order")));
        }
        Dataset<Row> orders = broadcast(orderIds.distinct().localCheckpoint());
        var orderLines = Concurrently.localCheckpoint(
                in.orderLines().join(orders, col("order_id").equalTo(col("t_order")), "left_semi"));
        Dataset<Row> scopedOrders = in.orders().join(orders, col("order_id").equalTo(col("t_order")), "left_semi")
                .localCheckpoint();
        return new Inputs(scopedOrders, Concurrently.join(orderLines), in.products(), invoices,
                Concurrently.join(payments), Concurrently.join(creditNotes));
    }

    private static Column clawDate(Policy policy) {
        return date_add(coalesce(col("due_date"), col("invoice_date")), policy.unpaidAfterDays());
    }

    /** Each order line with its product, its order's net total and whether the order is its customer's first. */
    private static Dataset<Row> lines(Inputs in, Dataset<Row> allOrders) {
        // a customer's first order may lie outside the scope: look at all orders of its customers
        Dataset<Row> customers = broadcast(in.orders().select(col("customer_id").as("f_customer")).distinct());
        Dataset<Row> firstOrders = allOrders.join(customers, col("customer_id").equalTo(col("f_customer")), "left_semi")
                .where(col("status").notEqual("cancelled"))
                .groupBy(col("customer_id").as("first_customer"))
                .agg(min(struct(col("order_date"), col("order_id"))).getField("order_id").as("first_order_id"));
        // an order whose lines net to zero has no shares to spread by: its events stay whole
        Dataset<Row> orderNet = in.orderLines().groupBy(col("order_id").as("net_order_id"))
                .agg(sum("net_amount").as("order_net")).where(col("order_net").notEqual(0));
        Dataset<Row> products = broadcast(in.products()).select(col("product_id").as("p_id"), col("category"),
                col("unit_cost"), col("currency").as("cost_currency"));
        Dataset<Row> orders = in.orders().select(col("order_id").as("o_id"), col("customer_id").as("o_customer"),
                col("order_date"));
        Dataset<Row> joined = in.orderLines()
                .join(orderNet, col("order_id").equalTo(col("net_order_id")))
                // lines whose order header was quarantined at ingest still carry product and quantity
                .join(orders, col("order_id").equalTo(col("o_id")), "left")
                .join(firstOrders, col("o_customer").equalTo(col("first_customer")), "left")
                .join(products, col("product_id").equalTo(col("p_id")), "left");
        return joined.select(col("order_id").as("l_order_id"), col("order_date"), col("line_no"), col("product_id"), col("category"),
                col("net_amount").as("line_net"), col("order_net"),
                col("quantity").multiply(col("unit_cost")).as("line_cost"), col("cost_currency"),
                col("quantity").as("line_quantity"), col("unit"),
                coalesce(col("order_id").equalTo(col("first_order_id")), lit(false)).as("new_customer"));
    }

    private static Dataset<Row> booked(Inputs in, YearMonth period) {
        return in.orders().where(inPeriod(col("order_date"), period).and(col("status").notEqual("cancelled")))
                .select(lit(Basis.BOOKING.code()).as("basis"), lit(null).cast(DataTypes.StringType).as("reason_code"),
                        lit("orders").as("source_table"), col("order_id").as("source_key"),
                        col("order_date").as("event_date"), col("order_id"),
                        lit(null).cast(DataTypes.StringType).as("invoice_id"), col("customer_id"), col("rep_id"),
                        col("currency"), lit(null).cast(AMOUNT).as("event_net"), lit(true).as("whole_order"));
    }

    /**
     * Spreads each event over its order's lines: a line gets {@code event_net × line net / order
     * net} (the whole line for a booking), and its cost and quantity in the same proportion. An
     * event without order lines stays one event without a product.
     */
    private static Dataset<Row> spread(Dataset<Row> events, Dataset<Row> lines) {
        Dataset<Row> joined = events.join(lines, col("order_id").equalTo(col("l_order_id")), "left");
        Column fraction = when(col("whole_order"), lit(1).cast(FRACTION))
                .otherwise(col("event_net").divide(col("order_net")).cast(FRACTION));
        Column hasLine = col("line_no").isNotNull().and(col("order_net").notEqual(0));
        Column line = concat(col("order_id"), lit("#"), col("line_no").cast(DataTypes.StringType));
        Column transaction = when(hasLine.and(col("source_table").equalTo("orders")), line)
                .when(hasLine, concat(col("source_key"), lit("/"), line)).otherwise(col("source_key"));
        // an overpayment or a credit note on an unpaid invoice (cash basis) is an event of nothing
        Column something = col("whole_order").or(col("event_net").notEqual(0));
        return joined.where(hasLine.or(not(col("whole_order"))).and(something))
                .select(col("basis"), col("reason_code"), col("source_table"), col("source_key"),
                        transaction.as("transaction_id"), col("event_date"), col("order_id"),
                        coalesce(col("order_date"), col("event_date")).as("order_date"), col("line_no"),
                        col("invoice_id"), col("customer_id"), col("rep_id"), col("product_id"), col("category"),
                        when(hasLine, col("line_net").multiply(fraction)).otherwise(col("event_net")).cast(AMOUNT)
                                .as("amount"),
                        col("currency"),
                        when(hasLine, col("line_cost").multiply(fraction)).cast(AMOUNT).as("cost"),
                        col("cost_currency"),
                        when(hasLine, col("line_quantity").multiply(fraction)).cast(QUANTITY).as("quantity"),
                        col("unit"), coalesce(col("new_customer"), lit(false)).as("new_customer"));
    }

    static Column inPeriod(Column date, YearMonth period) {
        return date.geq(lit(Date.valueOf(period.atDay(1)))).and(date.leq(lit(Date.valueOf(period.atEndOfMonth()))));
    }
}
