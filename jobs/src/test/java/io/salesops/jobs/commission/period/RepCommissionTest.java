package io.salesops.jobs.commission.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.commission.calc.Credit;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.calc.PayoutLine;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.PlanFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepCommissionTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final FxTable FX = new FxTable().with("USD", LocalDate.parse("2025-03-01"), new BigDecimal("7.2"));

    static final CommissionPlan REP_PLAN = PlanFile.parse("rep.yaml", """
            id: rep
            version: 1
            effective_from: 2025-01-01
            basis: cash
            currency: CNY
            rounding: {scale: 2, mode: half_up}
            components:
              - {id: base, kind: rate, rate: 2%}
              - id: volume
                kind: tiered
                mode: marginal
                tiers:
                  - {from: 0, to: 5000, rate: 1%}
                  - {from: 5000, rate: 3%}
            """);

    // R1's March: 60 % of a CNY payment, a USD payment (7.2 on 1 March), 60 % of a credit note, and an
    // invoice-basis credit the cash plan ignores
    final List<CreditRow> credits = List.of(
            row("R1", "split", "0.6", "cash", "", "PAY1/O1#1", "1000.00", "CNY"),
            row("R1", "owner", "1", "cash", "", "PAY2", "1000.00", "USD"),
            row("R1", "split", "0.6", "cash", "CREDIT_NOTE_RETURN", "CN1/O1#1", "-100.00", "CNY"),
            row("R1", "owner", "1", "invoice", "", "I1/O1#1", "1000.00", "CNY"));

    @Test
    void aSharedLineNamesThePeriodTotalItIsAShareOfAsMoney() {
        // marginal tiers on 100,000: 5,000 × 1 % + 95,000 × 3 % = 2,900.00, all of it this one payment's
        RepResult result = RepCommission.calculate(new RepSetup("R1", REP_PLAN, new BigDecimal("20000.00"),
                LocalDate.parse("2020-01-01"), MARCH), List.of(row("R1", "owner", "1", "cash", "", "PAY9",
                "100000.00", "CNY")), List.of(), FX);

        assertThat(result.lines()).filteredOn(l -> l.component().equals("volume")).singleElement()
                .satisfies(l -> assertThat(l.explanation()).endsWith("this transaction's share of 2,900.00"));
    }

    @Test
    void creditsOfThePlansBasisAreConvertedPaidAndEveryLineNamesItsTransaction() {
        RepResult result = RepCommission.calculate(new RepSetup("R1", REP_PLAN, new BigDecimal("20000.00"),
                LocalDate.parse("2020-01-01"), MARCH), credits, List.of(), FX);

        // credited: 600 + 7,200 − 60 = 7,740; base 2 % of each; marginal tiers on 7,740: 5,000 × 1 % = 50.00
        // and 2,740 × 3 % = 82.20, one line per transaction (tier 2, the highest reached) with the
        // transaction's share of 132.20: −60 → −1.0248, 600 → 10.2480, 7,200 → 122.9767; rounded down
        // −1.02 + 10.24 + 122.97 = 132.19, and the cent left goes to PAY1, which lost the most (0.0080)
        assertThat(result.lines()).extracting(l -> l.component() + "|" + l.transactionId() + "|" + l.sourceTable()
                        + "|" + l.creditRole() + "|" + l.reasonCode() + "|" + l.tier() + "|" + l.amount())
                .containsExactly(
                        "base|CN1/O1#1|credit_notes|split|CREDIT_NOTE_RETURN|0|-1.20",
                        "base|PAY1/O1#1|payments|split||0|12.00",
                        "base|PAY2|payments|owner||0|144.00",
                        "volume|CN1/O1#1|credit_notes|split|CREDIT_NOTE_RETURN|2|-1.02",
                        "volume|PAY1/O1#1|payments|split||2|10.25",
                        "volume|PAY2|payments|owner||2|122.97");
        CommissionLine pay2 = result.lines().get(5);
        // base: 7,200 / 7,740 of the 7,740 in the tiers; rate: 132.20 / 7,740
        assertThat(pay2.base()).isEqualByComparingTo("7200.000000");
        assertThat(pay2.rate()).isEqualByComparingTo("0.0170801034");
        assertThat(pay2.explanation()).contains("tier 1", " + ", "tier 2", "this transaction's share of 132.20");
        assertThat(result.creditedAmount()).isEqualByComparingTo("7740.00");
        assertThat(result.attainment()).isEqualByComparingTo("0.387");
        assertThat(result.earned()).isEqualByComparingTo("287.00");
        assertThat(result.byComponent()).containsEntry("base", new BigDecimal("154.80"))
                .containsEntry("volume", new BigDecimal("132.20"));
        assertThat(result.lines().stream().map(CommissionLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(result.earned());
    }

    @Test
    void theOrderCreditsArriveInDoesNotChangeTheResult() {
        RepSetup setup = new RepSetup("R1", REP_PLAN, null, null, MARCH);
        List<CreditRow> reversed = new java.util.ArrayList<>(credits);
        java.util.Collections.reverse(reversed);

        assertThat(RepCommission.calculate(setup, reversed, List.of(), FX))
                .isEqualTo(RepCommission.calculate(setup, credits, List.of(), FX));
    }

    @Test
    void aManagersOverrideNamesEachTeamMembersTransaction() {
        CommissionPlan manager = PlanFile.parse("manager.yaml", """
                id: manager
                version: 2
                effective_from: 2025-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: override, kind: manager_override, rate: 1%}
                """);

        RepResult result = RepCommission.calculate(new RepSetup("M1", manager, null, null, MARCH), List.of(),
                credits.stream().map(RepCommissionTest::sentToManager).toList(), FX);

        assertThat(result.lines()).extracting(l -> l.transactionId() + "|" + l.amount() + "|" + l.explanation())
                .containsExactly(
                        "CN1/O1#1|-0.60|-60.00 × 1% (override on team member R1's credit)",
                        "PAY1/O1#1|6.00|600.00 × 1% (override on team member R1's credit)",
                        "PAY2|72.00|7,200.00 × 1% (override on team member R1's credit)");
    }

    @Test
    void aRecoverableDrawSettlesThePeriodAgainstWhatTheRepOwedAtItsStart() {
        CommissionPlan drawn = PlanFile.parse("drawn.yaml", """
                id: drawn
                version: 1
                effective_from: 2025-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: base, kind: rate, rate: 2%}
                  - {id: advance, kind: draw, amount: 1000.00, type: recoverable}
                """);

        RepResult result = RepCommission.calculate(new RepSetup("R1", drawn, null, null, MARCH,
                new BigDecimal("200.00")), credits, List.of(), FX);

        // base: 12.00 + 144.00 - 1.20 = 154.80; owed 200.00 from February, so the draw pays
        // max(1,000.00, 154.80 - 200.00) = 1,000.00: 845.20 advanced, and 200.00 + 845.20 is owed after
        assertThat(result.lines()).extracting(l -> l.component() + "|" + l.transactionId() + "|" + l.amount())
                .endsWith("advance||845.20");
        assertThat(result.earned()).isEqualByComparingTo("1000.00");
        assertThat(result.drawBalance()).isEqualByComparingTo("1045.20");
        assertThat(result.drawForgiven()).as("nothing is forgiven without at_termination: forgive")
                .isEqualByComparingTo("0.00");
        assertThat(result.lines().stream().map(CommissionLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(result.earned());
    }

    @Test
    void aLeaversDrawBalanceIsForgivenInTheMonthTheyLeaveAndOnlyThen() {
        CommissionPlan forgiving = PlanFile.parse("forgiving.yaml", """
                id: forgiving
                version: 1
                effective_from: 2025-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: base, kind: rate, rate: 2%}
                  - {id: advance, kind: draw, amount: 1000.00, type: recoverable, at_termination: forgive}
                """);

        RepResult leaving = RepCommission.calculate(new RepSetup("R1", forgiving, null, LocalDate.of(2024, 9, 1),
                MARCH, new BigDecimal("200.00"), List.of(), LocalDate.of(2025, 3, 14)), credits, List.of(), FX);
        RepResult leavingNextMonth = RepCommission.calculate(new RepSetup("R1", forgiving, null,
                LocalDate.of(2024, 9, 1), MARCH, new BigDecimal("200.00"), List.of(), LocalDate.of(2025, 4, 1)),
                credits, List.of(), FX);

        // as in the test above, the draw pays 1,000.00 and 1,045.20 is owed after March: the leaver's
        // statement pays the same and owes nothing, the one who stays into April still owes it
        assertThat(leaving.earned()).isEqualByComparingTo("1000.00");
        assertThat(leaving.drawBalance()).isEqualByComparingTo("0.00");
        assertThat(leaving.drawForgiven()).isEqualByComparingTo("1045.20");
        assertThat(leaving.lines().get(leaving.lines().size() - 1).explanation())
                .endsWith("balance owed 200.00 → 1,045.20, forgiven → 0.00: the rep left on 2025-03-14");
        assertThat(leavingNextMonth.drawBalance()).isEqualByComparingTo("1045.20");
        assertThat(leavingNextMonth.drawForgiven()).isEqualByComparingTo("0.00");
    }

    /** A year-to-date true-up: 1 % up to quota, 2 % on all of it from quota on. */
    static final String YEAR_TO_DATE_YAML = """
            id: yt
            version: 1
            effective_from: 2025-01-01
            basis: cash
            currency: CNY
            rounding: {scale: 2, mode: half_up}
            components:
              - id: ytd
                kind: quota_attainment
                rate: 1%
                mode: retro
                true_up: year_to_date
                bands:
                  - {from: 0%, to: 100%, multiplier: 1}
                  - {from: 100%, multiplier: 2}
            """;

    static final CommissionPlan YEAR_TO_DATE = PlanFile.parse("yt.yaml", YEAR_TO_DATE_YAML);

    /** Each line as component|transaction|tier|amount, in order. */
    private static List<String> lineKeys(RepResult result) {
        return result.lines().stream().map(l -> l.component() + "|" + l.transactionId() + "|" + l.tier() + "|"
                + l.amount()).toList();
    }

    /**
     * February's statement under YEAR_TO_DATE: 50,000.00 paid in, after a January of 80,000.00 whose
     * statement says the components paid {@code paid}.
     */
    private static RepResult februaryAfterJanuary(Map<String, BigDecimal> paid) {
        List<CreditRow> february = List.of(row("R1", "owner", "1", "cash", "", "PAY9", "50000.00", "CNY"));
        List<EarlierPeriod> january = List.of(new EarlierPeriod(YearMonth.of(2025, 1), "yt",
                new BigDecimal("80000.00"), new BigDecimal("100000.00"), paid));
        return RepCommission.calculate(new RepSetup("R1", YEAR_TO_DATE, new BigDecimal("100000.00"), null,
                YearMonth.of(2025, 2), BigDecimal.ZERO, january), february, List.of(), FX);
    }

    @Test
    void aYearToDateTrueUpPaysTheYearsBandsLessWhatTheYearsEarlierStatementsEarned() {
        RepResult result = februaryAfterJanuary(Map.of("ytd", new BigDecimal("800.00")));

        // year to date: 130,000.00 against 200,000.00 = 65 %, band 1, retro: 1,300.00; January's
        // statement paid 800.00 (80,000.00 of 100,000.00, band 1), taken back
        assertThat(lineKeys(result)).containsExactly("ytd|PAY9|1|1300.00", "ytd|PAY9|0|-800.00");
        assertThat(result.earned()).isEqualByComparingTo("500.00");
    }

    @Test
    void aCappedTrueUpSpreadsTheCapsReductionOverTheTransactionsAndPaysWhatItWithheldTheNextMonth() {
        CommissionPlan capped = PlanFile.parse("ytc.yaml", YEAR_TO_DATE_YAML.replace("true_up: year_to_date",
                "true_up: year_to_date\n    cap: 1000.00"));
        List<CreditRow> february = List.of(row("R1", "owner", "1", "cash", "", "PAY1", "90000.00", "CNY"),
                row("R1", "owner", "1", "cash", "", "PAY2", "30000.00", "CNY"));
        List<EarlierPeriod> january = List.of(new EarlierPeriod(YearMonth.of(2025, 1), "yt",
                new BigDecimal("80000.00"), new BigDecimal("100000.00"), Map.of("ytd", new BigDecimal("800.00"))));
        List<CreditRow> march = List.of(row("R1", "owner", "1", "cash", "", "PAY3", "10000.00", "CNY"));
        List<EarlierPeriod> januaryAndFebruary = List.of(january.get(0), new EarlierPeriod(YearMonth.of(2025, 2),
                "yt", new BigDecimal("120000.00"), new BigDecimal("100000.00"),
                Map.of("ytd", new BigDecimal("1000.00"))));

        RepResult feb = RepCommission.calculate(new RepSetup("R1", capped, new BigDecimal("100000.00"), null,
                YearMonth.of(2025, 2), BigDecimal.ZERO, january), february, List.of(), FX);
        RepResult mar = RepCommission.calculate(new RepSetup("R1", capped, new BigDecimal("100000.00"), null,
                YearMonth.of(2025, 3), BigDecimal.ZERO, januaryAndFebruary), march, List.of(), FX);

        // February: 200,000.00 against 200,000.00 = 100 %, band 2: 200,000 × 1% × 2 = 4,000.00, less
        // January's 800.00 = 3,200.00 due; the cap pays 1,000.00 and takes 2,200.00, spread 3:1 like
        // the credits (1,650.00 and 550.00)
        assertThat(lineKeys(feb)).containsExactly("ytd|PAY1|2|3000.00", "ytd|PAY2|2|1000.00", "ytd|PAY1|0|-600.00",
                "ytd|PAY2|0|-200.00", "ytd|PAY1|0|-1650.00", "ytd|PAY2|0|-550.00");
        assertThat(feb.earned()).isEqualByComparingTo("1000.00");
        // March: 210,000.00 against 300,000.00 = 70 %, band 1: 2,100.00, less 800.00 + 1,000.00 paid =
        // 300.00: the year to date now earns less, so of February's 2,200.00 withheld only 300.00 is due
        assertThat(lineKeys(mar)).containsExactly("ytd|PAY3|1|2100.00", "ytd|PAY3|0|-1800.00");
        assertThat(mar.earned()).isEqualByComparingTo("300.00");
    }

    @Test
    void aTrueUpCarryingShortfallsForwardPaysNothingInAMonthBehindWhatWasPaidAndTakesNothingBack() {
        CommissionPlan carrying = PlanFile.parse("ytn.yaml", YEAR_TO_DATE_YAML.replace("true_up: year_to_date",
                "true_up: year_to_date\n    negative_true_up: carry_forward"));
        // January: 120,000.00 against 100,000.00, band 2: 2,400.00 paid; February: 10,000.00 paid in and
        // a 30,000.00 return
        List<EarlierPeriod> january = List.of(new EarlierPeriod(YearMonth.of(2025, 1), "yt",
                new BigDecimal("120000.00"), new BigDecimal("100000.00"), Map.of("ytd", new BigDecimal("2400.00"))));
        List<CreditRow> february = List.of(row("R1", "owner", "1", "cash", "", "PAY8", "10000.00", "CNY"),
                row("R1", "owner", "1", "cash", "CREDIT_NOTE_RETURN", "CN8", "-30000.00", "CNY"));

        RepResult carried = RepCommission.calculate(new RepSetup("R1", carrying, new BigDecimal("100000.00"), null,
                YearMonth.of(2025, 2), BigDecimal.ZERO, january), february, List.of(), FX);
        RepResult takenBack = RepCommission.calculate(new RepSetup("R1", YEAR_TO_DATE, new BigDecimal("100000.00"),
                null, YearMonth.of(2025, 2), BigDecimal.ZERO, january), february, List.of(), FX);

        // year to date 100,000.00 against 200,000.00 = 50 %, band 1: 1,000.00, less 2,400.00 paid =
        // -1,400.00. Each line is spread over the two credits in proportion to what the component's
        // lines so far give each: the band line 1:-3 of -20,000.00 net (-500.00, 1,500.00), the
        // 2,400.00 paid before likewise (1,200.00, -3,600.00), and the 1,400.00 not taken back over
        // what that leaves (700.00, -2,100.00): -700.00 and 2,100.00, so each transaction nets 0.00
        // (credits in transaction order: CN8 before PAY8)
        assertThat(lineKeys(carried)).containsExactly("ytd|CN8|1|1500.00", "ytd|PAY8|1|-500.00",
                "ytd|CN8|0|-3600.00", "ytd|PAY8|0|1200.00", "ytd|CN8|0|2100.00", "ytd|PAY8|0|-700.00");
        assertThat(carried.earned()).isEqualByComparingTo("0.00");
        assertThat(carried.lines().get(5).explanation()).startsWith("year to date 1,000.00 is 1,400.00 below the"
                + " 2,400.00 paid in earlier periods: not taken back");
        assertThat(takenBack.earned()).as("the default takes the shortfall back").isEqualByComparingTo("-1400.00");
    }

    @Test
    void aTrueUpSubtractsWhatTheEarlierStatementsPaidNotWhatTheCurrentVersionWouldHavePaid() {
        // given: January's statement paid 500.00 of ytd (under a version at 0.625 %); February runs
        // under the version at 1 %, which would have paid January 800.00
        RepResult result = februaryAfterJanuary(Map.of("ytd", new BigDecimal("500.00")));

        // then: 1,300.00 on the year to date less the 500.00 January paid: February pays 800.00
        assertThat(lineKeys(result)).containsExactly("ytd|PAY9|1|1300.00", "ytd|PAY9|0|-500.00");
        assertThat(result.earned()).isEqualByComparingTo("800.00");
        assertThatThrownBy(() -> februaryAfterJanuary(Map.of("other", BigDecimal.ONE)))
                .hasMessage("the statement of 2025-01 under plan yt does not say what component ytd paid; it says"
                        + " {other=1}");
    }

    @Test
    void aRepWhoChangedPlansDuringTheYearIsTruedUpFromTheChange() {
        // January under another plan, February and March under yt
        List<EarlierPeriod> earlier = List.of(
                new EarlierPeriod(YearMonth.of(2025, 1), "junior", new BigDecimal("900000.00"),
                        new BigDecimal("100000.00"), Map.of("base", new BigDecimal("27000.00"))),
                new EarlierPeriod(YearMonth.of(2025, 2), "yt", new BigDecimal("80000.00"),
                        new BigDecimal("100000.00"), Map.of("ytd", new BigDecimal("800.00"))));
        List<CreditRow> march = List.of(row("R1", "owner", "1", "cash", "", "PAY9", "50000.00", "CNY"));

        RepResult result = RepCommission.calculate(new RepSetup("R1", YEAR_TO_DATE, new BigDecimal("100000.00"),
                null, YearMonth.of(2025, 3), BigDecimal.ZERO, earlier), march, List.of(), FX);

        // from February: 130,000.00 against 200,000.00 = 65 %, band 1, retro: 1,300.00, less February's
        // 800.00. January's 900,000.00 (and its 900 % attainment) stays with the junior plan.
        assertThat(lineKeys(result)).containsExactly("ytd|PAY9|1|1300.00", "ytd|PAY9|0|-800.00");
    }

    @Test
    void aYearToDateTrueUpWithoutTheYearsEarlierStatementsIsRefusedNamingTheMonths() {
        List<EarlierPeriod> januaryOnly = List.of(new EarlierPeriod(YearMonth.of(2025, 1), "yt",
                new BigDecimal("80000.00"), new BigDecimal("100000.00"), Map.of("ytd", new BigDecimal("800.00"))));

        assertThatThrownBy(() -> RepCommission.calculate(new RepSetup("R1", YEAR_TO_DATE, new BigDecimal("100000.00"),
                null, YearMonth.of(2025, 4), BigDecimal.ZERO, januaryOnly), List.of(), List.of(), FX))
                .hasMessage("component ytd trues up the year to date, so it needs the statements (with a quota) of"
                        + " 2025-02, 2025-03 under plan yt; calculate those periods first");
    }

    @Test
    void aForeignCreditWithoutARateIsRefusedNamingCurrencyAndDate() {
        RepSetup setup = new RepSetup("R1", REP_PLAN, null, null, MARCH);
        List<CreditRow> euro = List.of(row("R1", "owner", "1", "cash", "", "PAY9", "5.00", "EUR"));

        assertThatThrownBy(() -> RepCommission.calculate(setup, euro, List.of(), FX))
                .hasMessage("no fx_rates row for EUR on or before 2025-03-10; add the rate to fx_rates");
    }

    @Test
    void spreadingHandsTheLeftoverMinorUnitsToThePartsThatLostMostAndAddsUpExactly() {
        List<Credit> thirds = List.of(new Credit("a", BigDecimal.ONE, ""), new Credit("b", BigDecimal.ONE, ""),
                new Credit("c", BigDecimal.ONE, ""));

        assertThat(LineSpreading.spread(payout("100.00"), thirds, 2)).extracting(p -> p.amount().toPlainString())
                .containsExactly("33.34", "33.33", "33.33");
        assertThat(LineSpreading.spread(payout("-100.00"), thirds, 2)).extracting(p -> p.amount().toPlainString())
                .containsExactly("-33.34", "-33.33", "-33.33");
        assertThat(LineSpreading.spread(payout("0.02"), List.of(new Credit("a", new BigDecimal("1"), ""),
                        new Credit("b", new BigDecimal("2"), ""), new Credit("c", new BigDecimal("7"), "")), 2))
                // exact 0.002, 0.004, 0.014 round down to 0.00, 0.00, 0.01; the one unit left goes to the
                // largest leftover, 0.004, which b and c share: the earlier, b, gets it
                .extracting(p -> p.amount().toPlainString()).containsExactly("0.00", "0.01", "0.01");
    }

    @Test
    void aCampaignSpifPaysOnTheCreditsAttributedToItsCampaign() {
        CommissionPlan plan = PlanFile.parse("spif.yaml", """
                id: spif
                version: 1
                effective_from: 2025-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: spring, kind: spif, from: 2025-03-01, to: 2025-04-01, campaign: SPRING25, rate: 2%}
                """);
        CreditRow fromCampaign = row("R1", "owner", "1", "cash", "", "PAY1", "1000.00", "CNY");
        CreditRow otherCampaign = row("R1", "owner", "1", "cash", "", "PAY2", "3000.00", "CNY");
        CreditRow noCampaign = row("R1", "split", "0.5", "cash", "", "PAY3", "5000.00", "CNY");
        List<CreditRow> rows = List.of(withCampaign(fromCampaign, "SPRING25"), withCampaign(otherCampaign, "EXPO24"),
                noCampaign);

        RepResult result = RepCommission.calculate(new RepSetup("R1", plan, null, LocalDate.parse("2020-01-01"),
                MARCH), rows, List.of(), FX);

        // only PAY1 came from SPRING25 (dated 10 March, inside the SPIF): 1,000.00 × 2 % = 20.00
        assertThat(result.lines()).extracting(l -> l.component() + "|" + l.transactionId() + "|" + l.amount())
                .containsExactly("spring|PAY1|20.00");
        assertThat(result.earned()).isEqualByComparingTo("20.00");
    }

    static CreditRow withCampaign(CreditRow r, String campaign) {
        return copy(r, campaign, r.teamLevel());
    }

    /** The credit as sent to the rep's manager: a team credit one level down. */
    static CreditRow sentToManager(CreditRow r) {
        return copy(r, r.campaign(), 1);
    }

    private static CreditRow copy(CreditRow r, String campaign, int teamLevel) {
        return new CreditRow(r.repId(), r.managerId(), r.role(), r.share(), r.basis(), r.reasonCode(),
                r.transactionId(), r.sourceTable(), r.sourceKey(), r.eventDate(), r.amount(), r.currency(),
                r.category(), campaign, r.cost(), r.costCurrency(), r.quantity(), r.unit(), r.newCustomer(), teamLevel);
    }

    static PayoutLine payout(String amount) {
        return new PayoutLine("tiers", "", 1, new BigDecimal("1000"), Optional.of(new BigDecimal("0.1")),
                new BigDecimal(amount), "");
    }

    static CreditRow row(String rep, String role, String share, String basis, String reason, String transaction,
                         String amount, String currency) {
        String table = transaction.startsWith("PAY") ? "payments" : transaction.startsWith("CN") ? "credit_notes"
                : "invoices";
        return new CreditRow(rep, "M1", role, new BigDecimal(share), basis, reason, transaction, table,
                transaction.split("/")[0], LocalDate.parse("2025-03-10"), new BigDecimal(amount), currency, "pigments",
                null, null, null, null, null, false);
    }
}
