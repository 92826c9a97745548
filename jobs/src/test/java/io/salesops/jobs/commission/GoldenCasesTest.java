package io.salesops.jobs.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.commission.calc.CampaignTouch;
import io.salesops.jobs.commission.calc.Credit;
import io.salesops.jobs.commission.calc.CustomerStatus;
import io.salesops.jobs.commission.calc.DrawMath;
import io.salesops.jobs.commission.calc.DrawSettlement;
import io.salesops.jobs.commission.calc.Employment;
import io.salesops.jobs.commission.calc.PayoutLine;
import io.salesops.jobs.commission.calc.PeriodEarnings;
import io.salesops.jobs.commission.calc.PeriodInput;
import io.salesops.jobs.commission.calc.PlanCalculator;
import io.salesops.jobs.commission.calc.QuotaPeriod;
import io.salesops.jobs.commission.calc.QuotaRamp;
import io.salesops.jobs.commission.calc.Statement;
import io.salesops.jobs.commission.calc.TeamCredit;
import io.salesops.jobs.commission.calc.TrueUpMath;
import io.salesops.jobs.commission.calc.TrueUpPeriod;
import io.salesops.jobs.commission.plan.AttainmentComponent;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.PlanFile;
import io.salesops.jobs.commission.plan.QuantityUnit;
import io.salesops.jobs.commission.plan.TrueUp;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.period.CreditRow;
import io.salesops.jobs.commission.period.RepCommission;
import io.salesops.jobs.commission.period.RepResult;
import io.salesops.jobs.commission.period.RepSetup;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case folder of src/test/resources/commission/golden (format: its README.md). */
class GoldenCasesTest {

    static final Path CASES = Path.of("src/test/resources/commission/golden");
    static final Path ACTUALS = Path.of("target/commission-golden");
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            List<String> names = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("golden cases").hasSizeGreaterThanOrEqualTo(25);
            return names.stream();
        }
    }

    /** A payout line and the period it belongs to ("" for single-period cases). */
    private record PeriodLine(String period, PayoutLine line) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseProducesTheHandComputedLines(String name) throws IOException {
        // given
        Path folder = CASES.resolve(name);
        CommissionPlan plan = PlanFile.load(folder.resolve("plan.yaml"));
        List<CSVRecord> creditRows = Files.exists(folder.resolve("events")) ? List.of()
                : records(folder.resolve("credits.csv"));
        List<CSVRecord> quotaRows = Files.exists(folder.resolve("quota.csv")) ? records(folder.resolve("quota.csv"))
                : List.of();
        Map<String, PeriodInput> inputs = inputsByPeriod(creditRows, quotaRows);
        LocalDate left = quotaRows.stream().map(q -> optional(q, "termination_date")).filter(d -> !d.isEmpty())
                .map(LocalDate::parse).findFirst().orElse(null);
        List<CSVRecord> expected = records(folder.resolve("expected.csv"));

        // when: credits as crediting produces them (with a share) go through the job's per-rep path
        List<PeriodLine> lines = Files.exists(folder.resolve("events"))
                ? paid(plan, GoldenEvents.credits(folder.resolve("events")), null, new FxTable())
                : creditRows.isEmpty() || !creditRows.get(0).isMapped("share") ? calculate(plan, inputs, left)
                : asCredited(plan, creditRows, inputs.values().iterator().next().quota(), folder.resolve("fx.csv"));
        writeActual(name, lines);

        // then
        List<String> actualRows = new ArrayList<>();
        List<String> expectedRows = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            CSVRecord row = expected.get(i);
            String explanation = optional(row, "explanation");
            expectedRows.add(String.join(" | ", optional(row, "period"), row.get("component"), row.get("source"),
                    tier(row.get("tier")), number(row.get("base")), rate(row.get("rate")), row.get("amount"),
                    explanation));
            if (i < lines.size()) {
                actualRows.add(row(lines.get(i), !explanation.isEmpty()));
            }
        }
        lines.stream().skip(expected.size()).forEach(line -> actualRows.add(row(line, true)));
        assertThat(actualRows).as("payout lines of case " + name).containsExactlyElementsOf(expectedRows);
    }

    /**
     * One statement per period in order; each year-to-date true-up component's lines follow the
     * period's statement lines; when the plan has a draw, each period's total is settled by the
     * draw and its line follows that period's lines.
     */
    /** @param left the rep's termination date, or null */
    private static List<PeriodLine> calculate(CommissionPlan plan, Map<String, PeriodInput> inputs, LocalDate left) {
        List<List<PeriodLine>> perPeriod = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        inputs.forEach((period, input) -> {
            Statement statement = PlanCalculator.calculate(plan, input);
            perPeriod.add(new ArrayList<>(statement.lines().stream().map(l -> new PeriodLine(period, l)).toList()));
            totals.add(statement.total());
        });
        plan.components().stream().filter(c -> c instanceof AttainmentComponent a && a.trueUp() == TrueUp.YEAR_TO_DATE)
                .map(AttainmentComponent.class::cast).forEach(component -> {
                    List<QuotaPeriod> periods = inputs.entrySet().stream().map(e -> new QuotaPeriod(e.getKey(),
                            total(e.getValue().credits()), QuotaRamp.quota(component.id(), plan.rampFor(component),
                                    e.getValue().quota(), e.getValue().hireDate(), e.getValue().period(),
                                    plan.rounding().scale()).quota())).toList();
                    List<TrueUpPeriod> trueUps = TrueUpMath.yearToDate(component, periods, plan.rounding());
                    for (int i = 0; i < trueUps.size(); i++) {
                        // periods are in input order, so true-up period i is statement period i
                        TrueUpPeriod trueUp = trueUps.get(i);
                        List<PeriodLine> periodLines = perPeriod.get(i);
                        trueUp.lines().forEach(l -> periodLines.add(new PeriodLine(trueUp.period(), l)));
                        totals.set(i, totals.get(i).add(trueUp.total()));
                    }
                });
        List<PeriodEarnings> earnings = new ArrayList<>();
        List<String> periodNames = List.copyOf(inputs.keySet());
        for (int i = 0; i < periodNames.size(); i++) {
            if (!periodNames.get(i).isEmpty()) {
                earnings.add(new PeriodEarnings(periodNames.get(i), totals.get(i)));
            }
        }
        plan.draw().ifPresent(draw -> {
            LocalDate hired = inputs.values().stream().map(PeriodInput::hireDate).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            List<DrawSettlement> settled = DrawMath.settle(draw, earnings, BigDecimal.ZERO,
                    new Employment(hired, left), plan.rounding().scale());
            for (int i = 0; i < settled.size(); i++) {
                perPeriod.get(i).add(new PeriodLine(settled.get(i).period(), settled.get(i).line()));
            }
        });
        return perPeriod.stream().flatMap(List::stream).toList();
    }

    /**
     * The month-end job's path for one rep ({@link RepCommission}): credits with role, share,
     * basis, reason code and currency, converted with fx.csv, lines on totals spread over the
     * transactions.
     */
    private static List<PeriodLine> asCredited(CommissionPlan plan, List<CSVRecord> rows, BigDecimal quota,
                                               Path fxFile) throws IOException {
        FxTable fx = new FxTable();
        if (Files.exists(fxFile)) {
            for (CSVRecord r : records(fxFile)) {
                fx.with(r.get("currency"), LocalDate.parse(r.get("rate_date")), new BigDecimal(r.get("rate_to_cny")));
            }
        }
        List<CreditRow> credits = rows.stream().map(r -> new CreditRow("REP", null, r.get("role"),
                new BigDecimal(r.get("share")), r.get("basis"), optional(r, "reason_code"), r.get("transaction_id"),
                "golden", r.get("transaction_id"), LocalDate.parse(r.get("date")), new BigDecimal(r.get("amount")),
                r.get("currency"), r.get("category"), optional(r, "campaign"), null, null, null, null, false)).toList();
        return paid(plan, credits, quota, fx);
    }

    private static List<PeriodLine> paid(CommissionPlan plan, List<CreditRow> credits, BigDecimal quota, FxTable fx) {
        RepResult result = RepCommission.calculate(new RepSetup("REP", plan, quota, null, null), credits, List.of(), fx);
        return result.lines().stream().map(l -> new PeriodLine("", new PayoutLine(l.component(), l.transactionId(),
                l.tier(), l.base(), Optional.ofNullable(l.rate()), l.amount(), l.explanation()))).toList();
    }

    private static BigDecimal total(List<Credit> credits) {
        return credits.stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Each period's input, in file order: credits grouped by the optional {@code period} column (a
     * row with a period and no transaction id declares a period without credits), rows with a
     * {@code team_rep} as the team's credits ({@code team_level} levels down, 1 when empty), and the quota row of the period (or the only row).
     */
    private static Map<String, PeriodInput> inputsByPeriod(List<CSVRecord> rows, List<CSVRecord> quotaRows) {
        Map<String, List<Credit>> own = new LinkedHashMap<>();
        Map<String, List<TeamCredit>> team = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            String period = optional(r, "period");
            List<Credit> credits = own.computeIfAbsent(period, p -> new ArrayList<>());
            List<TeamCredit> teamCredits = team.computeIfAbsent(period, p -> new ArrayList<>());
            if (r.get("transaction_id").isEmpty()) {
                continue;
            }
            if (optional(r, "team_rep").isEmpty()) {
                credits.add(credit(r));
            } else {
                String level = optional(r, "team_level");
                teamCredits.add(new TeamCredit(optional(r, "team_rep"), credit(r),
                        level.isEmpty() ? 1 : Integer.parseInt(level)));
            }
        }
        Map<String, PeriodInput> inputs = new LinkedHashMap<>();
        own.forEach((period, credits) -> {
            // a single-period case has one quota row, whose period (if any) is the period for a ramp
            CSVRecord quotaRow = quotaRows.stream().filter(q -> period.isEmpty() || optional(q, "period")
                    .equals(period)).findFirst().orElse(null);
            PeriodInput input = PeriodInput.of(credits, quotaRow == null ? null : new BigDecimal(quotaRow.get("quota")))
                    .withTeam(team.get(period));
            if (quotaRow != null && !optional(quotaRow, "hire_date").isEmpty()) {
                input = input.hiredOn(LocalDate.parse(quotaRow.get("hire_date")), YearMonth.parse(quotaRow.get("period")));
            }
            inputs.put(period, input);
        });
        return inputs;
    }

    private static Credit credit(CSVRecord r) {
        String newCustomer = optional(r, "new_customer");
        if (!List.of("", "yes", "no").contains(newCustomer)) {
            throw new IllegalArgumentException("credits.csv line " + r.getParser().getCurrentLineNumber()
                    + ", column new_customer: must be yes, no or empty, cannot be: " + newCustomer);
        }
        String unit = optional(r, "unit");
        return new Credit(r.get("transaction_id"), new BigDecimal(r.get("amount")), r.get("category"),
                optional(r, "date").isEmpty() ? null : LocalDate.parse(optional(r, "date")), optional(r, "campaign"),
                newCustomer.equals("yes") ? CustomerStatus.NEW : CustomerStatus.EXISTING,
                decimal(optional(r, "cost")), decimal(optional(r, "quantity")),
                unit.isEmpty() ? null : QuantityUnit.valueOf(unit.toUpperCase(Locale.ROOT)),
                CampaignTouch.parse(optional(r, "touches")));
    }

    private static BigDecimal decimal(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static String optional(CSVRecord row, String column) {
        return row.isMapped(column) ? row.get(column) : "";
    }

    private static String row(PeriodLine periodLine, boolean withExplanation) {
        PayoutLine line = periodLine.line();
        return String.join(" | ", periodLine.period(), line.component(), line.source(), String.valueOf(line.tier()),
                number(line.base().toPlainString()), line.rate().map(r -> number(r.toPlainString())).orElse(""),
                line.amount().toPlainString(), withExplanation ? line.explanation() : "");
    }

    private static String tier(String text) {
        return text.isEmpty() ? "0" : text;
    }

    /** Numbers compare by value: 100000 and 100000.00 are the same base. */
    private static String number(String text) {
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static String rate(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return text.endsWith("%") ? number(new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
                .toPlainString()) : number(text);
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).getRecords();
        }
    }

    /** The actual lines in the expected.csv format, to diff against it when a case fails. */
    private static void writeActual(String name, List<PeriodLine> lines) throws IOException {
        Path out = ACTUALS.resolve(name);
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("period,component,source,tier,base,rate,amount,explanation\n");
        for (PeriodLine periodLine : lines) {
            PayoutLine line = periodLine.line();
            csv.append(String.join(",", periodLine.period(), line.component(), line.source(), line.tier() == 0 ? "" : String.valueOf(line.tier()),
                    line.base().toPlainString(), line.rate().map(BigDecimal::toPlainString).orElse(""),
                    line.amount().toPlainString(), "\"" + line.explanation().replace("\"", "\"\"") + "\"")).append('\n');
        }
        Files.writeString(out.resolve("actual.csv"), csv, StandardCharsets.UTF_8);
    }
}
