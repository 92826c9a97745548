package io.salesops.jobs.commission.credit;

import static io.salesops.jobs.spark.LiteralRows.rows;
import static io.salesops.jobs.spark.LiteralRows.row;
import static io.salesops.jobs.spark.LiteralRows.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.spark.SharedSpark;
import io.salesops.warehouse.model.CanonicalTables;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Events and credits of March 2025 over a handful of literal rows; every expected amount is worked
 * out by hand in the comments.
 */
class CreditingTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);

    // O1: two lines of 1,000.00 net (13 % VAT): order net 2,000.00, gross 2,260.00. O2 is cancelled.
    final CommissionEvents.Inputs inputs = new CommissionEvents.Inputs(
            rows(CanonicalTables.ORDERS,
                    row("O1", date("2025-03-05"), "C1", "R1", "CNY", null, rate("0.13"), money("2260.00"), "closed"),
                    row("O2", date("2025-03-10"), "C2", "R2", "CNY", null, rate("0.13"), money("565.00"), "cancelled")),
            rows(CanonicalTables.ORDER_LINES,
                    row("O1", 1L, "P1", qty("100"), "kg", money("10.00"), money("1000.00"), money("130.00")),
                    row("O1", 2L, "P2", qty("50"), "kg", money("20.00"), money("1000.00"), money("130.00")),
                    row("O2", 1L, "P1", qty("50"), "kg", money("10.00"), money("500.00"), money("65.00"))),
            rows(CanonicalTables.PRODUCTS,
                    row("P1", "钛白粉", null, "pigments", "kg", money("10.00"), money("5.00"), "CNY"),
                    row("P2", "溶剂", null, "solvents", "kg", money("20.00"), money("2.00"), "CNY")),
            rows(CanonicalTables.INVOICES,
                    // I1 invoices O1 in March; I2 (no order) was due 2024-12-31 and is half paid by then
                    row("I1", "O1", "C1", "R1", date("2025-03-08"), date("2025-04-07"), money("2000.00"),
                            money("260.00"), "CNY"),
                    row("I2", null, "C2", "R2", date("2024-12-01"), date("2024-12-31"), money("1000.00"),
                            money("130.00"), "CNY")),
            rows(CanonicalTables.PAYMENTS,
                    row("PAY1", "I1", "C1", date("2025-03-20"), money("2260.00"), "CNY", "bank_transfer"),
                    row("PAY2", "I1", "C1", date("2025-03-28"), money("100.00"), "CNY", "bank_transfer"),
                    row("PAY4", "I2", "C2", date("2025-01-10"), money("565.00"), "CNY", "bank_transfer"),
                    row("PAY5", "I2", "C2", date("2025-03-20"), money("565.00"), "CNY", "acceptance_bill")),
            rows(CanonicalTables.CREDIT_NOTES,
                    row("CN1", "I1", "C1", date("2025-03-25"), money("200.00"), money("26.00"), "CNY", "return")));

    @Test
    void eventsOfEachBasisAreSpreadOverOrderLinesWithClawbacksCarryingTheirReason() {
        List<String> events = CommissionEvents.compute(inputs, MARCH, new CommissionEvents.Policy(60))
                .collectAsList().stream().map(CreditingTest::event).sorted().toList();

        assertThat(events).containsExactly(
                // booking: O1's lines as ordered; cost = quantity × unit cost; O1 is C1's first order
                "booking|-|O1#1|1000.000000|500.000000|100.000000|pigments|true",
                "booking|-|O1#2|1000.000000|100.000000|50.000000|solvents|true",
                // a credit note reverses its net 200.00 on booking and invoice basis, spread 100 / 100
                "booking|CREDIT_NOTE_RETURN|CN1/O1#1|-100.000000|-50.000000|-10.000000|pigments|true",
                "booking|CREDIT_NOTE_RETURN|CN1/O1#2|-100.000000|-10.000000|-5.000000|solvents|true",
                // I2: 565.00 of 1,130.00 still open on 2024-12-31 + 60 days = 2025-03-01: −1,000 × 565 / 1,130
                "booking|PAID_AFTER_CLAWBACK|PAY5|500.000000|null|null|null|false",
                "booking|UNPAID_AFTER_60_DAYS|I2|-500.000000|null|null|null|false",
                // cash: PAY1 pays all 2,260.00 → 2,000.00 net; CN1 then refunds 226.00 gross → −200.00 net.
                // PAY2 overpays and earns nothing. PAY5 pays half of I2 → 500.00.
                "cash|-|PAY1/O1#1|1000.000000|500.000000|100.000000|pigments|true",
                "cash|-|PAY1/O1#2|1000.000000|100.000000|50.000000|solvents|true",
                "cash|-|PAY5|500.000000|null|null|null|false",
                "cash|CREDIT_NOTE_RETURN|CN1/O1#1|-100.000000|-50.000000|-10.000000|pigments|true",
                "cash|CREDIT_NOTE_RETURN|CN1/O1#2|-100.000000|-10.000000|-5.000000|solvents|true",
                "invoice|-|I1/O1#1|1000.000000|500.000000|100.000000|pigments|true",
                "invoice|-|I1/O1#2|1000.000000|100.000000|50.000000|solvents|true",
                "invoice|CREDIT_NOTE_RETURN|CN1/O1#1|-100.000000|-50.000000|-10.000000|pigments|true",
                "invoice|CREDIT_NOTE_RETURN|CN1/O1#2|-100.000000|-10.000000|-5.000000|solvents|true",
                // the payment after the clawback earns again: 1,000 × 565 / 1,130
                "invoice|PAID_AFTER_CLAWBACK|PAY5|500.000000|null|null|null|false",
                "invoice|UNPAID_AFTER_60_DAYS|I2|-500.000000|null|null|null|false");
    }

    @Test
    void onCashBasisACreditNoteOnAPartlyPaidInvoiceOnlyLowersWhatLaterPaymentsEarn() {
        // I1 paid 1,130.00 before CN1 (226.00 gross) and 904.00 after: everything owed, nothing refunded
        CommissionEvents.Inputs partlyPaid = new CommissionEvents.Inputs(inputs.orders(), inputs.orderLines(),
                inputs.products(), inputs.invoices(),
                rows(CanonicalTables.PAYMENTS,
                        row("PAY1", "I1", "C1", date("2025-03-20"), money("1130.00"), "CNY", "bank_transfer"),
                        row("PAY2", "I1", "C1", date("2025-03-28"), money("904.00"), "CNY", "bank_transfer"),
                        row("PAY3", "I1", "C1", date("2025-03-29"), money("1.00"), "CNY", "bank_transfer")),
                inputs.creditNotes());

        List<String> cash = CommissionEvents.compute(partlyPaid, MARCH, new CommissionEvents.Policy(0))
                .where("basis = 'cash'").collectAsList().stream().map(CreditingTest::event).sorted().toList();

        // 1,130 × 2,000 / 2,260 = 1,000 and 904 × 2,000 / 2,260 = 800: 1,800 in all, the net after the
        // credit note; PAY3 pays beyond the lowered total and earns nothing
        assertThat(cash).containsExactly(
                "cash|-|PAY1/O1#1|500.000000|250.000000|50.000000|pigments|true",
                "cash|-|PAY1/O1#2|500.000000|50.000000|25.000000|solvents|true",
                "cash|-|PAY2/O1#1|400.000000|200.000000|40.000000|pigments|true",
                "cash|-|PAY2/O1#2|400.000000|40.000000|20.000000|solvents|true");
    }

    @Test
    void splitsViaTheContractOverlaysAndTheManagerOnTheEventDate() {
        Dataset<Row> events = CommissionEvents.compute(inputs, MARCH, new CommissionEvents.Policy(0))
                .where("basis = 'invoice'");
        Crediting.Inputs crediting = new Crediting.Inputs(
                rows(CanonicalTables.CONTRACTS,
                        // K1 covers 2025 for account A1, whose deal OP1 is split 60 / 40; K0 expired
                        row("K1", "A1", "OP1", date("2024-12-20"), date("2025-01-01"), date("2025-12-31"),
                                money("100000.00"), "CNY", "active"),
                        row("K0", "A1", "OP0", date("2024-01-01"), date("2024-01-01"), date("2024-12-31"),
                                money("100000.00"), "CNY", "expired")),
                rows(CanonicalTables.CUSTOMERS,
                        row("C1", "华东涂料", "A1", "华东", null, 30L, date("2020-01-01")),
                        row("C2", "西北化工", "A2", "西北", null, 30L, date("2020-01-01"))),
                rows(CanonicalTables.ACCOUNTS,
                        row("A1", "华东涂料", null, "coatings", "华东", null, null, "R1", "C1", null),
                        row("A2", "西北化工", null, "coatings", "西北", null, null, "R2", "C2", null)),
                rows(CanonicalTables.OPPORTUNITY_SPLITS,
                        row("OP1", "R1", rate("60")), row("OP1", "R3", rate("40")),
                        row("OP0", "R2", rate("100"))),
                rows(CanonicalTables.REPS,
                        row("R9", "周敏", null, null, "rep", null, null, "T-COAT", date("2020-01-01"), null),
                        row("R8", "吴强", null, null, "rep", null, null, "T-COAT", date("2020-01-01"),
                                date("2025-03-01"))),
                rows(CanonicalTables.TERRITORIES,
                        row("T-COAT", "华东涂料行业", "华东", "coatings", "industry")),
                reportingLines(
                        row("R1", "M1", date("2020-01-01"), date("2025-03-15")),
                        row("R1", "M2", date("2025-03-15"), null),
                        row("R3", "M1", date("2020-01-01"), null)),
                opportunities(row("OP1", "SPRING25"), row("OP0", "EXPO24")));

        List<String> credits = Crediting.compute(events, crediting).collectAsList().stream()
                .map(r -> r.getAs("transaction_id") + "|" + r.getAs("credited_rep_id") + "|" + r.getAs("credit_role")
                        + "|" + r.<BigDecimal>getAs("share").toPlainString() + "|" + r.getAs("manager_id") + "|"
                        + r.getAs("campaign_id"))
                .sorted().toList();

        // I1 (8 March) and CN1 (25 March) are on O1, under K1: R1 60 %, R3 40 %; R1 reported to M1
        // until 15 March, then to M2. R9 overlays coatings in 华东; R8 had left by then. I2 has no
        // contract and goes to its owner. K1's deal OP1 came from campaign SPRING25, so every credit of
        // O1, the overlay's too, is attributed to it; K0's EXPO24 does not count, K0 had expired.
        assertThat(credits).containsExactly(
                "CN1/O1#1|R1|split|0.60000000|M2|SPRING25", "CN1/O1#1|R3|split|0.40000000|M1|SPRING25",
                "CN1/O1#1|R9|overlay|1.00000000|null|SPRING25",
                "CN1/O1#2|R1|split|0.60000000|M2|SPRING25", "CN1/O1#2|R3|split|0.40000000|M1|SPRING25",
                "CN1/O1#2|R9|overlay|1.00000000|null|SPRING25",
                "I1/O1#1|R1|split|0.60000000|M1|SPRING25", "I1/O1#1|R3|split|0.40000000|M1|SPRING25",
                "I1/O1#1|R9|overlay|1.00000000|null|SPRING25",
                "I1/O1#2|R1|split|0.60000000|M1|SPRING25", "I1/O1#2|R3|split|0.40000000|M1|SPRING25",
                "I1/O1#2|R9|overlay|1.00000000|null|SPRING25");
    }

    @Test
    void anOrderUnderNoContractOrWithoutOpportunitiesReadHasNoCampaign() {
        Dataset<Row> events = CommissionEvents.compute(inputs, MARCH, new CommissionEvents.Policy(0))
                .where("basis = 'invoice'");
        Dataset<Row> contracts = rows(CanonicalTables.CONTRACTS, row("K1", "A1", "OP1", date("2024-12-20"),
                date("2025-01-01"), date("2025-12-31"), money("100000.00"), "CNY", "active"));
        Dataset<Row> customers = rows(CanonicalTables.CUSTOMERS,
                row("C1", "华东涂料", "A1", "华东", null, 30L, date("2020-01-01")),
                row("C2", "西北化工", "A2", "西北", null, 30L, date("2020-01-01")));
        Dataset<Row> accounts = rows(CanonicalTables.ACCOUNTS,
                row("A1", "华东涂料", null, "coatings", "华东", null, null, "R1", "C1", null),
                row("A2", "西北化工", null, "coatings", "西北", null, null, "R2", "C2", null));

        List<String> attributed = campaigns(Crediting.compute(events, new Crediting.Inputs(contracts, customers,
                accounts, rows(CanonicalTables.OPPORTUNITY_SPLITS), rows(CanonicalTables.REPS),
                rows(CanonicalTables.TERRITORIES), reportingLines(), opportunities(row("OP1", "SPRING25")))));
        List<String> unread = campaigns(Crediting.compute(events, new Crediting.Inputs(contracts, customers,
                accounts, rows(CanonicalTables.OPPORTUNITY_SPLITS), rows(CanonicalTables.REPS),
                rows(CanonicalTables.TERRITORIES), reportingLines(), null)));

        // O1 is under K1 (deal OP1, campaign SPRING25); without splits its owner R1 is credited.
        // Without the opportunities, nothing is attributed.
        assertThat(attributed).containsExactly("CN1/O1#1|R1|SPRING25", "CN1/O1#2|R1|SPRING25", "I1/O1#1|R1|SPRING25",
                "I1/O1#2|R1|SPRING25");
        assertThat(unread).containsExactly("CN1/O1#1|R1|null", "CN1/O1#2|R1|null", "I1/O1#1|R1|null",
                "I1/O1#2|R1|null");
    }

    @Test
    void eachLevelOfManagersIsTheOneOnTheEventDateAndALoopEndsTheChain() {
        Dataset<Row> events = CommissionEvents.compute(inputs, MARCH, new CommissionEvents.Policy(0))
                .where("basis = 'invoice' and transaction_id like '%O1#1'");
        Dataset<Row> customers = rows(CanonicalTables.CUSTOMERS,
                row("C1", "华东涂料", "A1", "华东", null, 30L, date("2020-01-01")));
        Dataset<Row> lines = reportingLines(
                row("R1", "M1", date("2020-01-01"), date("2025-03-15")),
                row("R1", "M2", date("2025-03-15"), null),
                row("M1", "D1", date("2020-01-01"), null),
                row("M2", "D1", date("2020-01-01"), date("2025-03-20")),
                row("M2", "D2", date("2025-03-20"), null),
                row("D1", "VP", date("2020-01-01"), null),
                // a data error: D2 and M2 report to each other
                row("D2", "M2", date("2020-01-01"), null));

        List<String> chains = Crediting.compute(events, new Crediting.Inputs(rows(CanonicalTables.CONTRACTS),
                        customers, rows(CanonicalTables.ACCOUNTS), rows(CanonicalTables.OPPORTUNITY_SPLITS),
                        rows(CanonicalTables.REPS), rows(CanonicalTables.TERRITORIES), lines, null, 4))
                .collectAsList().stream().map(r -> r.getAs("transaction_id") + "|" + r.getAs("credited_rep_id") + "|"
                        + r.getAs("manager_id") + "|" + r.getAs("manager_id_2") + "|" + r.getAs("manager_id_3") + "|"
                        + r.getAs("manager_id_4"))
                .sorted().toList();

        // I1 (8 March): R1 under M1, under D1, under VP, who reports to nobody. CN1 (25 March): R1
        // under M2 since 15 March, M2 under D2 since 20 March, and D2 "under" M2 again: the chain
        // stops there rather than name M2 twice
        assertThat(chains).containsExactly("CN1/O1#1|R1|M2|D2|null|null", "I1/O1#1|R1|M1|D1|VP|null");
    }

    private static List<String> campaigns(Dataset<Row> credits) {
        return credits.collectAsList().stream().map(r -> r.getAs("transaction_id") + "|" + r.getAs("credited_rep_id")
                + "|" + r.getAs("campaign_id")).sorted().toList();
    }

    /** Opportunities with only what crediting reads set: id and primary campaign. */
    static Dataset<Row> opportunities(Object[]... idAndCampaign) {
        return rows(CanonicalTables.OPPORTUNITIES, Arrays.stream(idAndCampaign).map(o -> row(o[0], "A1", "deal " + o[0],
                "close", money("100000.00"), "CNY", null, null, "R1", null, o[1], null, true, true,
                java.sql.Timestamp.valueOf("2024-12-01 00:00:00"))).toArray(Object[][]::new));
    }

    @Test
    void anInvoiceOnAnOrderWhoseLinesNetToZeroStaysOneEvent() {
        // a sample line and its reversal on one order: no net amount to spread the invoice by
        CommissionEvents.Inputs zeroNet = new CommissionEvents.Inputs(
                rows(CanonicalTables.ORDERS,
                        row("O3", date("2025-03-02"), "C1", "R1", "CNY", null, rate("0.13"), money("0.00"), "closed")),
                rows(CanonicalTables.ORDER_LINES,
                        row("O3", 1L, "P1", qty("10"), "kg", money("10.00"), money("100.00"), money("13.00")),
                        row("O3", 2L, "P1", qty("-10"), "kg", money("10.00"), money("-100.00"), money("-13.00"))),
                inputs.products(),
                rows(CanonicalTables.INVOICES,
                        row("I3", "O3", "C1", "R1", date("2025-03-05"), null, money("100.00"), money("13.00"), "CNY")),
                rows(CanonicalTables.PAYMENTS), rows(CanonicalTables.CREDIT_NOTES));

        List<String> events = CommissionEvents.compute(zeroNet, MARCH, new CommissionEvents.Policy(0))
                .collectAsList().stream().map(CreditingTest::event).sorted().toList();

        // the invoice is credited once, whole and without a product; the order books nothing
        assertThat(events).containsExactly("invoice|-|I3|100.000000|null|null|null|false");
    }

    @Test
    void splitsThatDoNotAddUpTo100AreRefusedNamingTheOpportunity() {
        Dataset<Row> splits = rows(CanonicalTables.OPPORTUNITY_SPLITS,
                row("OP1", "R1", rate("60")), row("OP1", "R3", rate("30")), row("OP2", "R1", rate("100")));

        assertThatThrownBy(() -> Crediting.requireWholeSplits(splits))
                .hasMessage("opportunity_splits must add up to 100 per opportunity, cannot be: OP1 totals 90;"
                        + " correct the splits in the CRM export and ingest it again");
    }

    static String event(Row r) {
        return r.getAs("basis") + "|" + (r.getAs("reason_code") == null ? "-" : r.getAs("reason_code")) + "|"
                + r.getAs("transaction_id") + "|" + plain(r.getAs("amount")) + "|" + plain(r.getAs("cost")) + "|"
                + plain(r.getAs("quantity")) + "|" + r.getAs("category") + "|" + r.getAs("new_customer");
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    static Dataset<Row> reportingLines(Object[]... rows) {
        StructType schema = new StructType().add("rep_id", DataTypes.StringType)
                .add("manager_id", DataTypes.StringType).add("effective_from", DataTypes.DateType)
                .add("effective_to", DataTypes.DateType);
        return SharedSpark.get().createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }


    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }
}
