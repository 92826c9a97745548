package io.salesops.jobs.commission.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.commission.plan.Basis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One invoice's events, worked out by hand in the comments; no Spark. */
class InvoiceEventsTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final Set<String> REASONS = Set.of("return", "price_adjustment", "quality");

    @Test
    void aPaymentEarnsWhatItPaysOfWhatWasStillOwedAfterCreditNotes() {
        // 1,000.00 net, 1,130.00 gross
        var invoice = new InvoiceEvents.Invoice("I1", date("2025-03-01"), date("2025-03-31"), money("1000.00"),
                money("1130.00"));
        var payments = List.of(new InvoiceEvents.Payment("P2", date("2025-03-20"), money("600.00")),
                new InvoiceEvents.Payment("P1", date("2025-03-05"), money("565.00")));
        var notes = List.of(new InvoiceEvents.CreditNote("CN1", date("2025-03-10"), money("100.00"), money("113.00"),
                "return"));

        List<String> events = events(invoice, payments, notes, new CommissionEvents.Policy(0, EnumSet.of(Basis.CASH)));

        // P1 pays 565.00 of 1,130.00 owed: 1,000 × 565 / 1,130 = 500. CN1 lowers the total to 1,017.00;
        // 565.00 paid is below it, so nothing is refunded: 0. P2 comes when 1,130 − 113 − 565 = 452.00 is
        // owed: it earns 1,000 × 452 / 1,130 = 400; the 148.00 it overpays earns nothing
        assertThat(events).containsExactly(
                "cash|null|payments|P1|2025-03-05|500.000000",
                "cash|null|payments|P2|2025-03-20|400.000000",
                "cash|CREDIT_NOTE_RETURN|credit_notes|CN1|2025-03-10|0.000000");
    }

    @Test
    void anInvoiceUnpaidTooLongIsClawedBackAndEarnsAgainWhenPaid() {
        var invoice = new InvoiceEvents.Invoice("I2", date("2024-12-01"), date("2024-12-31"), money("1000.00"),
                money("1130.00"));
        var payments = List.of(new InvoiceEvents.Payment("P4", date("2025-01-10"), money("565.00")),
                new InvoiceEvents.Payment("P5", date("2025-03-20"), money("565.00")));

        List<String> events = events(invoice, payments, List.of(),
                new CommissionEvents.Policy(60, EnumSet.of(Basis.BOOKING, Basis.INVOICE)));

        // due 2024-12-31 + 60 days = 2025-03-01, with 565.00 of 1,130.00 still open: −1,000 × 565 / 1,130;
        // P5 pays the rest after that day and earns it back; no invoice event, the invoice is December's
        assertThat(events).containsExactly(
                "booking|UNPAID_AFTER_60_DAYS|invoices|I2|2025-03-01|-500.000000",
                "invoice|UNPAID_AFTER_60_DAYS|invoices|I2|2025-03-01|-500.000000",
                "booking|PAID_AFTER_CLAWBACK|payments|P5|2025-03-20|500.000000",
                "invoice|PAID_AFTER_CLAWBACK|payments|P5|2025-03-20|500.000000");
    }

    @Test
    void aCreditNoteReversesItsNetOnBookingAndInvoiceBasisAndOnlyTheRefundOnCashBasis() {
        var invoice = new InvoiceEvents.Invoice("I3", date("2025-03-02"), null, money("2000.00"), money("2260.00"));
        var payments = List.of(new InvoiceEvents.Payment("P6", date("2025-03-03"), money("2260.00")));
        var notes = List.of(new InvoiceEvents.CreditNote("CN2", date("2025-03-25"), money("200.00"), money("226.00"),
                "quality"));

        List<String> events = events(invoice, payments, notes, new CommissionEvents.Policy(0));

        // paid in full, then 226.00 gross credited: all of it is refunded, −2,000 × 226 / 2,260 = −200
        assertThat(events).containsExactly(
                "invoice|null|invoices|I3|2025-03-02|2000.000000",
                "cash|null|payments|P6|2025-03-03|2000.000000",
                "booking|CREDIT_NOTE_QUALITY|credit_notes|CN2|2025-03-25|-200.000000",
                "invoice|CREDIT_NOTE_QUALITY|credit_notes|CN2|2025-03-25|-200.000000",
                "cash|CREDIT_NOTE_QUALITY|credit_notes|CN2|2025-03-25|-200.000000");
    }

    @Test
    void aReasonOutsideTheKnownOnesIsKeptAsItIs() {
        assertThat(InvoiceEvents.reasonCode("damaged_in_transit", REASONS)).isEqualTo("CREDIT_NOTE_damaged_in_transit");
        assertThat(InvoiceEvents.reasonCode("price_adjustment", REASONS)).isEqualTo("CREDIT_NOTE_PRICE_ADJUSTMENT");
        assertThat(InvoiceEvents.reasonCode(null, REASONS)).isNull();
    }

    private static List<String> events(InvoiceEvents.Invoice invoice, List<InvoiceEvents.Payment> payments,
                                       List<InvoiceEvents.CreditNote> notes, CommissionEvents.Policy policy) {
        return InvoiceEvents.of(invoice, payments, notes, new InvoiceEvents.Rules(MARCH, policy, REASONS)).stream()
                .map(e -> e.basis() + "|" + e.reasonCode() + "|" + e.sourceTable() + "|" + e.sourceKey() + "|"
                        + e.date() + "|" + e.net().toPlainString()).toList();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static BigDecimal money(String text) {
        return new BigDecimal(text);
    }
}
