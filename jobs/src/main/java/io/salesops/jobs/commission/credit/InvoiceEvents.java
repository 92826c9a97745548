package io.salesops.jobs.commission.credit;

import io.salesops.jobs.commission.plan.Basis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The commissionable events one invoice gives rise to in a period, from the invoice, all its
 * payments and all its credit notes. Pure: Spark calls it once per touched invoice
 * ({@link CommissionEvents}), and it can be tested alone.
 *
 * <ul>
 * <li><b>invoice</b> basis: the invoice's net, when it is dated in the period;</li>
 * <li><b>cash</b> basis: each payment of the period earns the invoice's net in the proportion of the
 * gross it pays of what was still owed when it came (after earlier payments and after credit notes
 * issued by its date); an overpayment earns nothing;</li>
 * <li>each credit note of the period reverses, on booking and invoice basis, its net; on cash basis
 * only what had been paid beyond the lowered total (a refund), at the invoice's net-to-gross
 * proportion;</li>
 * <li>on booking and invoice basis, when {@code unpaidAfterDays} is set: an invoice still partly
 * unpaid that many days after its due date (its invoice date without one) reverses the unpaid share
 * on that day, and a payment after that day earns again.</li>
 * </ul>
 *
 * <p>Amounts keep 6 decimals, rounded half-up once.
 */
public final class InvoiceEvents {

    private static final int SCALE = 6;

    /** @param gross net + tax */
    public record Invoice(String invoiceId, LocalDate invoiceDate, LocalDate dueDate, BigDecimal net,
            BigDecimal gross) {
    }

    public record Payment(String paymentId, LocalDate date, BigDecimal amount) {
    }

    /** @param gross net + tax */
    public record CreditNote(String creditNoteId, LocalDate date, BigDecimal net, BigDecimal gross, String reason) {
    }

    /** An event on the invoice, before it is spread over its order's lines; {@code net} is signed. */
    public record Event(String basis, String reasonCode, String sourceTable, String sourceKey, LocalDate date,
            BigDecimal net) {
    }

    /**
     * What the invoice's events depend on besides the invoice: the period, the policy and the credit
     * note reasons that have a reason code of their own.
     */
    public record Rules(YearMonth period, CommissionEvents.Policy policy, Set<String> creditNoteReasons)
            implements java.io.Serializable {
    }

    private InvoiceEvents() {
    }

    public static List<Event> of(Invoice invoice, List<Payment> payments, List<CreditNote> creditNotes, Rules rules) {
        // undated payments and credit notes count at no date, as in SQL
        List<Payment> paid = payments.stream().filter(p -> p.date() != null)
                .sorted(Comparator.comparing(Payment::date).thenComparing(Payment::paymentId)).toList();
        List<CreditNote> notes = creditNotes.stream().filter(n -> n.date() != null)
                .sorted(Comparator.comparing(CreditNote::date).thenComparing(CreditNote::creditNoteId)).toList();
        CommissionEvents.Policy policy = rules.policy();
        List<Event> events = new ArrayList<>();
        if (policy.wants(Basis.INVOICE) && in(rules.period(), invoice.invoiceDate())) {
            events.add(new Event(Basis.INVOICE.code(), null, "invoices", invoice.invoiceId(), invoice.invoiceDate(),
                    scaled(invoice.net())));
        }
        BigDecimal[] effective = effective(invoice, paid, notes);
        if (policy.wants(Basis.CASH)) {
            for (int i = 0; i < paid.size(); i++) {
                Payment payment = paid.get(i);
                if (in(rules.period(), payment.date())) {
                    events.add(new Event(Basis.CASH.code(), null, "payments", payment.paymentId(), payment.date(),
                            share(invoice.net(), effective[i], invoice.gross())));
                }
            }
        }
        BigDecimal notedBefore = BigDecimal.ZERO;
        for (CreditNote note : notes) {
            if (in(rules.period(), note.date())) {
                String reason = reasonCode(note.reason(), rules.creditNoteReasons());
                BigDecimal paidGross = paidBy(paid, note.date());
                BigDecimal owedBefore = invoice.gross().subtract(notedBefore);
                BigDecimal owedAfter = owedBefore.subtract(note.gross());
                BigDecimal refunded = positive(paidGross.subtract(owedAfter)).subtract(
                        positive(paidGross.subtract(owedBefore)));
                for (Basis basis : sorted(policy.bases())) {
                    BigDecimal net = basis == Basis.CASH ? share(invoice.net(), refunded, invoice.gross()).negate()
                            : scaled(note.net()).negate();
                    events.add(new Event(basis.code(), reason, "credit_notes", note.creditNoteId(),
                            note.date(), net));
                }
            }
            notedBefore = notedBefore.add(note.gross());
        }
        if (policy.clawsBackUnpaid()) {
            clawbacks(invoice, paid, effective, notes, rules, events);
        }
        return events;
    }

    /**
     * Unpaid clawback on the clawback date when it falls in the period, and payments of the period
     * after that date earning again, on booking and invoice basis as the policy wants.
     */
    private static void clawbacks(Invoice invoice, List<Payment> paid, BigDecimal[] effective,
                                  List<CreditNote> notes, Rules rules, List<Event> events) {
        CommissionEvents.Policy policy = rules.policy();
        LocalDate due = invoice.dueDate() != null ? invoice.dueDate() : invoice.invoiceDate();
        if (due == null) {
            return;
        }
        LocalDate clawDate = due.plusDays(policy.unpaidAfterDays());
        BigDecimal outstanding = invoice.gross().subtract(paidBy(paid, clawDate)).subtract(creditedBy(notes, clawDate));
        if (outstanding.signum() <= 0) {
            return;
        }
        List<String> bases = policy.unpaidBases();
        if (in(rules.period(), clawDate)) {
            BigDecimal net = share(invoice.net(), outstanding, invoice.gross()).negate();
            for (String basis : bases) {
                events.add(new Event(basis, policy.unpaidReason(), "invoices", invoice.invoiceId(), clawDate, net));
            }
        }
        for (int i = 0; i < paid.size(); i++) {
            Payment payment = paid.get(i);
            if (in(rules.period(), payment.date()) && payment.date().isAfter(clawDate)) {
                BigDecimal net = share(invoice.net(), effective[i], invoice.gross());
                for (String basis : bases) {
                    events.add(new Event(basis, "PAID_AFTER_CLAWBACK", "payments", payment.paymentId(),
                            payment.date(), net));
                }
            }
        }
    }

    /**
     * Per payment (in payment order), the part of it that paid what was still owed: the gross less
     * the credit notes issued by its date less the earlier payments, never below 0 nor above it.
     */
    private static BigDecimal[] effective(Invoice invoice, List<Payment> paid, List<CreditNote> notes) {
        BigDecimal[] effective = new BigDecimal[paid.size()];
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < paid.size(); i++) {
            Payment payment = paid.get(i);
            BigDecimal owed = invoice.gross().subtract(creditedBy(notes, payment.date())).subtract(before);
            effective[i] = positive(payment.amount().min(owed));
            before = before.add(payment.amount());
        }
        return effective;
    }

    /** What the invoice had received by {@code date}, that day included. */
    private static BigDecimal paidBy(List<Payment> paid, LocalDate date) {
        return paid.stream().filter(p -> !p.date().isAfter(date)).map(Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The gross the invoice's credit notes had taken off it by {@code date}, that day included. */
    private static BigDecimal creditedBy(List<CreditNote> notes, LocalDate date) {
        return notes.stream().filter(n -> !n.date().isAfter(date)).map(CreditNote::gross)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** CREDIT_NOTE_ + the reason in capitals; a reason outside the known ones as it is; none without one. */
    static String reasonCode(String reason, Set<String> known) {
        if (reason == null) {
            return null;
        }
        return "CREDIT_NOTE_" + (known.contains(reason) ? reason.toUpperCase(Locale.ROOT) : reason);
    }

    /** {@code amount × part / whole}, multiplied before dividing so exact shares stay exact; 0 of nothing. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        return amount.multiply(part).divide(whole, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal positive(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    private static List<Basis> sorted(Set<Basis> bases) {
        return bases.stream().sorted().toList();
    }

    private static boolean in(YearMonth period, LocalDate date) {
        return date != null && YearMonth.from(date).equals(period);
    }
}
