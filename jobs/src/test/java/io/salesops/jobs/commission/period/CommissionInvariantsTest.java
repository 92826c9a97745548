package io.salesops.jobs.commission.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.commission.calc.Credit;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.calc.PayoutLine;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.PlanFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of a period's calculation as the job runs it, over a thousand seeded random cases
 * each (plain JUnit: the seed makes every failure reproducible). Credits come in as the crediting
 * step produces them: shares, currencies, clawbacks.
 */
class CommissionInvariantsTest {

    static final int CASES = 1000;
    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final FxTable FX = new FxTable().with("USD", LocalDate.parse("2025-03-01"), new BigDecimal("7.1834"));
    static final CommissionPlan PLAN = PlanFile.parse("invariants.yaml", """
            id: invariants
            version: 1
            effective_from: 2025-01-01
            basis: cash
            currency: CNY
            rounding: {scale: 2, mode: half_even}
            components:
              - {id: base, kind: rate, rate: 1.7%, category_multipliers: {pigments: 1.3}}
              - id: bonus
                kind: tiered
                mode: marginal
                tiers:
                  - {from: 0, to: 50000, rate: 0.5%}
                  - {from: 50000, rate: 2.25%}
              - {id: cap, kind: cap, amount: 9000.00}
            """);

    @Test
    void splitsConserveTheEventsAmountExactlyInAnyCurrency() {
        Random random = new Random(41);
        for (int n = 0; n < CASES; n++) {
            BigDecimal amount = money(random, 1_000_000).setScale(6, RoundingMode.UNNECESSARY)
                    .add(BigDecimal.valueOf(random.nextInt(1_000_000), 6));
            String currency = random.nextBoolean() ? "CNY" : "USD";
            List<BigDecimal> shares = shares(random);
            BigDecimal credited = BigDecimal.ZERO;
            for (BigDecimal share : shares) {
                credited = credited.add(RepCommission.credit(row("R", "split", share, "cash", "", "T", amount, currency),
                        "CNY", Optional.empty(), FX).amount());
            }
            BigDecimal whole = FX.convert(amount, currency, "CNY", LocalDate.parse("2025-03-10"));
            assertThat(credited).as("case %d: %s %s split %s", n, amount, currency, shares).isEqualByComparingTo(whole);
        }
    }

    @Test
    void everyRepsEarnedIsTheSumOfTheirLinesAndTheRunsTotalIsTheSumOfAllLines() {
        Random random = new Random(42);
        for (int n = 0; n < CASES; n++) {
            BigDecimal allLines = BigDecimal.ZERO;
            BigDecimal allEarned = BigDecimal.ZERO;
            for (int rep = 0; rep < 3; rep++) {
                RepResult result = RepCommission.calculate(setup("R" + rep), credits(random, "R" + rep), List.of(), FX);
                BigDecimal lines = result.lines().stream().map(CommissionLine::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(lines).as("case %d rep %d", n, rep).isEqualByComparingTo(result.earned());
                assertThat(result.lines()).allSatisfy(line -> assertThat(line.amount().scale()).isLessThanOrEqualTo(2));
                allLines = allLines.add(lines);
                allEarned = allEarned.add(result.earned());
            }
            assertThat(allLines).as("case %d", n).isEqualByComparingTo(allEarned);
        }
    }

    @Test
    void reversingAndRebookingAnUnchangedTransactionNetsToZero() {
        Random random = new Random(43);
        for (int n = 0; n < CASES; n++) {
            List<CreditRow> credits = credits(random, "R1");
            CreditRow unchanged = credits.get(random.nextInt(credits.size()));
            List<CreditRow> corrected = new ArrayList<>(credits);
            corrected.add(copy(unchanged, unchanged.transactionId() + "#reversal", unchanged.amount().negate()));
            corrected.add(copy(unchanged, unchanged.transactionId() + "#rebook", unchanged.amount()));

            RepResult before = RepCommission.calculate(setup("R1"), credits, List.of(), FX);
            RepResult after = RepCommission.calculate(setup("R1"), corrected, List.of(), FX);

            assertThat(after.creditedAmount()).as("case %d", n).isEqualByComparingTo(before.creditedAmount());
            BigDecimal pair = after.lines().stream().filter(l -> l.component().equals("base")
                            && l.transactionId().startsWith(unchanged.transactionId() + "#"))
                    .map(CommissionLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(pair).as("case %d: the pair's own base lines", n).isZero();
            assertThat(after.byComponent().get("base")).as("case %d", n).isEqualByComparingTo(before.byComponent()
                    .get("base"));
        }
    }

    @Test
    void spreadPartsAddUpToTheLineAndEachIsWithinOneMinorUnitOfItsExactShare() {
        Random random = new Random(44);
        for (int n = 0; n < CASES; n++) {
            List<Credit> credits = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                BigDecimal amount = money(random, 100_000);
                credits.add(new Credit("T" + i, random.nextInt(6) == 0 ? amount.negate() : amount, ""));
            }
            BigDecimal weight = credits.stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (weight.signum() == 0) {
                continue;
            }
            BigDecimal amount = money(random, 10_000);
            PayoutLine line = new PayoutLine("bonus", "", 1, weight, Optional.of(new BigDecimal("0.01")), amount, "");

            List<LineSpreading.Part> parts = LineSpreading.spread(line, credits, 2);

            assertThat(parts.stream().map(LineSpreading.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("case %d", n).isEqualByComparingTo(amount);
            for (LineSpreading.Part part : parts) {
                BigDecimal exact = amount.multiply(credits.get(part.creditIndex()).amount())
                        .divide(weight, 12, RoundingMode.HALF_EVEN);
                assertThat(part.amount().subtract(exact).abs()).as("case %d part %d", n, part.creditIndex())
                        .isLessThan(new BigDecimal("0.01"));
            }
        }
    }

    private static RepSetup setup(String rep) {
        return new RepSetup(rep, PLAN, null, null, MARCH);
    }

    private static List<CreditRow> credits(Random random, String rep) {
        List<CreditRow> credits = new ArrayList<>();
        int count = 1 + random.nextInt(15);
        for (int i = 0; i < count; i++) {
            boolean clawback = random.nextInt(8) == 0;
            BigDecimal amount = money(random, 40_000);
            credits.add(row(rep, random.nextBoolean() ? "owner" : "split",
                    random.nextBoolean() ? BigDecimal.ONE : new BigDecimal("0.35"), random.nextInt(6) == 0 ? "invoice"
                            : "cash", clawback ? "CREDIT_NOTE_RETURN" : "", "T" + i,
                    clawback ? amount.negate() : amount, random.nextInt(4) == 0 ? "USD" : "CNY"));
        }
        return credits;
    }

    /** A split of 100 % into up to five shares of whole hundredths of a percent. */
    private static List<BigDecimal> shares(Random random) {
        int parts = 1 + random.nextInt(5);
        List<BigDecimal> shares = new ArrayList<>();
        int left = 10_000;
        for (int i = 0; i < parts - 1 && left > 1; i++) {
            int share = 1 + random.nextInt(left - 1);
            shares.add(BigDecimal.valueOf(share, 4));
            left -= share;
        }
        shares.add(BigDecimal.valueOf(left, 4));
        return shares;
    }

    private static BigDecimal money(Random random, int maxYuan) {
        return BigDecimal.valueOf(random.nextInt(maxYuan * 100) + 1L, 2);
    }

    private static CreditRow copy(CreditRow row, String transactionId, BigDecimal amount) {
        return new CreditRow(row.repId(), row.managerId(), row.role(), row.share(), row.basis(), "CORRECTION",
                transactionId, row.sourceTable(), row.sourceKey(), row.eventDate(), amount, row.currency(),
                row.category(), row.campaign(), row.cost(), row.costCurrency(), row.quantity(), row.unit(), row.newCustomer());
    }

    private static CreditRow row(String rep, String role, BigDecimal share, String basis, String reason,
                                 String transaction, BigDecimal amount, String currency) {
        return new CreditRow(rep, null, role, share, basis, reason, transaction, "payments", transaction,
                LocalDate.parse("2025-03-10"), amount, currency, transaction.hashCode() % 2 == 0 ? "pigments" : "resins",
                null, null, null, null, null, false);
    }
}
