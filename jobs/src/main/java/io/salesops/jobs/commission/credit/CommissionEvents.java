package io.salesops.jobs.commission.credit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The commissionable events of one period, for every basis, at order-line grain: what a rep may
 * be credited for, before anyone is credited.
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
    public record Policy(int unpaidAfterDays, Set<Basis> bases) {
        public Policy {
            if (unpaidAfterDays < 0) {
                throw new IllegalArgumentException("unpaid-after days must be at least 0 (0 turns the clawback off),"
                        + " cannot be: " + unpaidAfterDays);
            }
            bases = bases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bases));
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
            return Stream.of(Basis.BOOKING, Basis.INVOICE).filter(this::wants).map(CommissionEvents::name).toList();
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
        Dataset<Row> invoices = invoices(scoped);
        // Materialised once: several kinds of event read the payments with their running totals.
        Dataset<Row> payments = payments(scoped, invoices).localCheckpoint();
        List<Dataset<Row>> parts = new ArrayList<>();
        if (policy.wants(Basis.BOOKING)) {
            parts.add(booked(scoped, period));
        }
        if (policy.wants(Basis.INVOICE)) {
            parts.add(invoiced(invoices, period));
        }
        if (policy.wants(Basis.CASH)) {
            parts.add(paid(payments, period));
        }
        parts.add(creditNoted(scoped, invoices, payments, period, policy));
        if (policy.clawsBackUnpaid()) {
            Dataset<Row> clawed = unpaidClawbacks(scoped, invoices, payments, policy);
            parts.add(clawbackEvents(clawed.where(inPeriod(col("claw_date"), period)), policy));
            parts.add(paidAfterClawback(clawed, payments, period, policy));
        }
        Dataset<Row> events = parts.stream().reduce(Dataset::unionByName).orElseThrow();
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

    static String name(Basis basis) {
        return basis.name().toLowerCase(java.util.Locale.ROOT);
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

    private static Dataset<Row> invoices(Inputs in) {
        return in.invoices().select(col("invoice_id").as("i_id"), col("order_id").as("i_order_id"),
                col("customer_id").as("i_customer_id"), col("rep_id").as("i_rep_id"), col("invoice_date"),
                col("due_date"), col("net_amount").as("i_net"),
                col("net_amount").plus(col("tax_amount")).as("i_gross"), col("currency").as("i_currency"));
    }

    /**
     * Every payment with what its invoice had received before it (by date, then payment id), the
     * gross its credit notes had taken off the invoice by the payment's date, and so the part of it
     * that paid what was still owed ({@code effective}): an overpayment earns nothing.
     */
    private static Dataset<Row> payments(Inputs in, Dataset<Row> invoices) {
        var before = Window.partitionBy("invoice_id").orderBy("payment_date", "payment_id")
                .rowsBetween(Window.unboundedPreceding(), -1);
        Dataset<Row> withBefore = in.payments()
                .withColumn("paid_before", coalesce(sum("amount").over(before), lit(0)))
                .join(invoices, col("invoice_id").equalTo(col("i_id")));
        Dataset<Row> credited = creditedBy(withBefore.select(col("payment_id").as("point"), col("i_id").as("point_invoice"),
                col("payment_date").as("point_date")), in.creditNotes());
        return withBefore.join(credited, col("payment_id").equalTo(col("point")))
                .withColumn("effective", greatest(lit(0), least(col("amount"),
                        col("i_gross").minus(col("credited_gross")).minus(col("paid_before")))))
                .drop("point");
    }

    /** For each (point, point_invoice, point_date): the gross of the invoice's credit notes issued by that date. */
    private static Dataset<Row> creditedBy(Dataset<Row> points, Dataset<Row> creditNotes) {
        return points.join(creditNotes.select(col("invoice_id").as("cn_invoice"), col("issue_date"),
                                col("net_amount").plus(col("tax_amount")).as("cn_gross")),
                        col("point_invoice").equalTo(col("cn_invoice")).and(col("issue_date").leq(col("point_date"))),
                        "left")
                .groupBy("point").agg(coalesce(sum("cn_gross"), lit(0)).as("credited_gross"));
    }

    /** For each (point, point_invoice, point_date): what the invoice had received by that date. */
    private static Dataset<Row> paidBy(Dataset<Row> points, Dataset<Row> payments) {
        return points.join(payments.select(col("invoice_id").as("pay_invoice"), col("payment_date"), col("amount")),
                        col("point_invoice").equalTo(col("pay_invoice")).and(col("payment_date").leq(col("point_date"))),
                        "left")
                .groupBy("point").agg(coalesce(sum("amount"), lit(0)).as("paid_gross"));
    }

    private static Dataset<Row> booked(Inputs in, YearMonth period) {
        return in.orders().where(inPeriod(col("order_date"), period).and(col("status").notEqual("cancelled")))
                .select(lit("booking").as("basis"), lit(null).cast(DataTypes.StringType).as("reason_code"),
                        lit("orders").as("source_table"), col("order_id").as("source_key"),
                        col("order_date").as("event_date"), col("order_id"),
                        lit(null).cast(DataTypes.StringType).as("invoice_id"), col("customer_id"), col("rep_id"),
                        col("currency"), lit(null).cast(AMOUNT).as("event_net"), lit(true).as("whole_order"));
    }

    private static Dataset<Row> invoiced(Dataset<Row> invoices, YearMonth period) {
        return invoiceEvent(invoices.where(inPeriod(col("invoice_date"), period)), "invoice", null, "invoices",
                col("i_id"), col("invoice_date"), col("i_net"));
    }

    /** Cash basis: a payment earns the invoice's net in the proportion it pays of the gross. */
    private static Dataset<Row> paid(Dataset<Row> payments, YearMonth period) {
        return invoiceEvent(payments.where(inPeriod(col("payment_date"), period)), "cash", null, "payments",
                col("payment_id"), col("payment_date"), share(col("i_net"), col("effective"), col("i_gross")));
    }

    /**
     * Credit notes of the period on their invoice. Booking and invoice basis: the note's net is
     * reversed. Cash basis: a note only lowers what is still owed, so later payments are smaller by
     * themselves; what it reverses is what had been paid beyond the new total (a refund), at the
     * invoice's net-to-gross proportion.
     */
    private static Dataset<Row> creditNoted(Inputs in, Dataset<Row> invoices, Dataset<Row> payments, YearMonth period,
                                            Policy policy) {
        Dataset<Row> notes = in.creditNotes().where(inPeriod(col("issue_date"), period))
                .join(invoices, col("invoice_id").equalTo(col("i_id")));
        Dataset<Row> points = notes.select(col("credit_note_id").as("point"), col("i_id").as("point_invoice"),
                col("issue_date").as("point_date"));
        var earlier = Window.partitionBy("invoice_id").orderBy("issue_date", "credit_note_id")
                .rowsBetween(Window.unboundedPreceding(), -1);
        Dataset<Row> priorNotes = in.creditNotes().withColumn("noted_before",
                        coalesce(sum(col("net_amount").plus(col("tax_amount"))).over(earlier), lit(0)))
                .select(col("credit_note_id").as("prior_note"), col("noted_before"));
        Dataset<Row> withPaid = notes.join(paidBy(points, payments), col("credit_note_id").equalTo(col("point")))
                .drop("point")
                .join(priorNotes, col("credit_note_id").equalTo(col("prior_note")));
        Column owedBefore = col("i_gross").minus(col("noted_before"));
        Column owedAfter = owedBefore.minus(col("net_amount")).minus(col("tax_amount"));
        Column refunded = greatest(lit(0), col("paid_gross").minus(owedAfter))
                .minus(greatest(lit(0), col("paid_gross").minus(owedBefore)));
        Column reason = reasonCode(col("reason"));
        Column net = col("net_amount").multiply(lit(-1));
        Column cashNet = share(col("i_net"), refunded, col("i_gross")).multiply(lit(-1));
        return policy.bases().stream().sorted().map(basis -> invoiceEvent(withPaid, name(basis), reason,
                        "credit_notes", col("credit_note_id"), col("issue_date"), basis == Basis.CASH ? cashNet : net))
                .reduce(Dataset::unionByName).orElseThrow();
    }

    /**
     * Every touched invoice still partly unpaid on its clawback date ({@code claw_date}), with the
     * unpaid share of its net ({@code claw_net}, negative). Credit notes issued by then count as
     * settled: they are clawed back on their own.
     */
    private static Dataset<Row> unpaidClawbacks(Inputs in, Dataset<Row> invoices, Dataset<Row> payments,
                                                Policy policy) {
        Dataset<Row> dated = invoices.withColumn("claw_date",
                date_add(coalesce(col("due_date"), col("invoice_date")), policy.unpaidAfterDays()));
        Dataset<Row> points = dated.select(col("i_id").as("point"), col("i_id").as("point_invoice"),
                col("claw_date").as("point_date"));
        return dated.join(paidBy(points, payments), col("i_id").equalTo(col("point")))
                .drop("point")
                .join(creditedBy(points, in.creditNotes()), col("i_id").equalTo(col("point")))
                .withColumn("outstanding", col("i_gross").minus(col("paid_gross")).minus(col("credited_gross")))
                .where(col("outstanding").gt(0))
                .withColumn("claw_net", share(col("i_net"), col("outstanding"), col("i_gross")).multiply(lit(-1)));
    }

    /** The unpaid share reversed, on the clawback date, on booking and invoice basis as the plans want. */
    private static Dataset<Row> clawbackEvents(Dataset<Row> clawed, Policy policy) {
        Column reason = lit(policy.unpaidReason());
        return policy.unpaidBases().stream().map(basis -> invoiceEvent(clawed, basis, reason, "invoices", col("i_id"),
                col("claw_date"), col("claw_net"))).reduce(Dataset::unionByName).orElseThrow();
    }

    /** Payments of the period on invoices clawed back before them earn again, up to what was clawed back. */
    private static Dataset<Row> paidAfterClawback(Dataset<Row> clawed, Dataset<Row> payments, YearMonth period,
                                                  Policy policy) {
        Dataset<Row> claws = clawed.select(col("i_id").as("claw_invoice"), col("claw_date"));
        Dataset<Row> late = payments.where(inPeriod(col("payment_date"), period))
                .join(claws, col("invoice_id").equalTo(col("claw_invoice")).and(col("payment_date").gt(col("claw_date"))));
        Column net = share(col("i_net"), col("effective"), col("i_gross"));
        Column reason = lit("PAID_AFTER_CLAWBACK");
        return policy.unpaidBases().stream().map(basis -> invoiceEvent(late, basis, reason, "payments",
                col("payment_id"), col("payment_date"), net)).reduce(Dataset::unionByName).orElseThrow();
    }

    private static Dataset<Row> invoiceEvent(Dataset<Row> rows, String basis, Column reason, String table,
                                             Column key, Column date, Column net) {
        return rows.select(lit(basis).as("basis"),
                (reason == null ? lit(null) : reason).cast(DataTypes.StringType).as("reason_code"),
                lit(table).as("source_table"), key.as("source_key"), date.as("event_date"),
                col("i_order_id").as("order_id"), col("i_id").as("invoice_id"), col("i_customer_id").as("customer_id"),
                col("i_rep_id").as("rep_id"), col("i_currency").as("currency"), net.cast(AMOUNT).as("event_net"),
                lit(false).as("whole_order"));
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

    /**
     * CREDIT_NOTE_ + the credit note's reason in capitals. Spelled out rather than {@code upper()}:
     * Spark 4's collation-aware upper case loads ICU's case tables, seconds of start-up per JVM.
     */
    private static Column reasonCode(Column reason) {
        Column code = concat(lit("CREDIT_NOTE_"), reason);
        for (String value : CanonicalTables.CREDIT_NOTES.column("reason").orElseThrow().allowedValues()) {
            code = when(reason.equalTo(value), lit("CREDIT_NOTE_" + value.toUpperCase(java.util.Locale.ROOT)))
                    .otherwise(code);
        }
        return code;
    }

    /** {@code amount × part / whole}, multiplied before dividing so exact shares stay exact. */
    private static Column share(Column amount, Column part, Column whole) {
        return amount.multiply(part).divide(whole);
    }

    static Column inPeriod(Column date, YearMonth period) {
        return date.geq(lit(Date.valueOf(period.atDay(1)))).and(date.leq(lit(Date.valueOf(period.atEndOfMonth()))));
    }
}
