package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.jobs.JobsTestApplication;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A recoverable draw limited to the first two months of employment and forgiven when the rep leaves,
 * through the real job over three months. Before ingest, three reps are made new hires (hired
 * 2024-12-10, so the draw pays in December and January only) and three are made short-lived hires
 * (hired 2025-01-06, leaving 2025-02-14, so the draw pays in both their months and what it advanced
 * is owed when they leave). Every statement is then checked against the draw's rule worked out here from what
 * was published: the period's earnings before the draw (its lines but the draw's), the balance the
 * previous month's statement carried, and the dates in the reps table.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class RecoverableDrawJobTest extends CommissionsJobScenario {

    static final Path dataDir = JobTestDataDir.create("salesops-draw-");
    static final LocalDate HIRED = LocalDate.of(2024, 12, 10);
    static final LocalDate HIRED_TO_LEAVE = LocalDate.of(2025, 1, 6);
    static final LocalDate LEFT = LocalDate.of(2025, 2, 14);
    static final BigDecimal DRAW = new BigDecimal("20000.00");

    static final String PLAN = """
            id: draw-rep
            version: 1
            effective_from: 2020-01-01
            basis: cash
            currency: CNY
            rounding: {scale: 2, mode: half_up}
            components:
              - {id: base, kind: rate, rate: 1%}
              - {id: advance, kind: draw, amount: 20000.00, type: recoverable, months: 2, at_termination: forgive}
            """;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @Test
    void newHiresAreAdvancedOnlyInTheirFirstTwoMonthsAndALeaversBalanceIsForgivenInTheMonthTheyLeave()
            throws Exception {
        Map<String, String> changed = new HashMap<>();
        ingestSample(dataDir, new GeneratorSettings(0.002, 13, 6, YearMonth.of(2025, 3)),
                landing -> changed.putAll(hireAndLeave(landing.resolve("org/reps.csv"))));
        RepPlanSetup.assignToReps(dataDir, "draw-rep", PLAN);
        for (YearMonth month = YearMonth.of(2025, 1); !month.isAfter(YearMonth.of(2025, 3)); month = month.plusMonths(1)) {
            calculate(month);
        }

        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        List<List<String>> statements = analyst.query("""
                select s.rep_id, s.period, s.earned, s.draw_balance, s.draw_forgiven,
                       (select coalesce(sum(l.amount), 0) from commission_lines l
                         where l.rep_id = s.rep_id and l.period = s.period and l.component = 'advance'),
                       r.hire_date, r.termination_date
                from commission_statements s join reps r on r.rep_id = s.rep_id
                where s.plan_id = 'draw-rep'
                order by s.rep_id, s.period""", 10_000).rows();
        assertThat(statements).hasSizeGreaterThan(20);
        Map<String, BigDecimal> owed = new HashMap<>(); // balance carried by the rep's previous statement
        Map<String, String> lastPeriod = new HashMap<>();
        int forgiven = 0;
        int notToppedUp = 0;
        for (List<String> s : statements) {
            String rep = s.get(0);
            YearMonth period = YearMonth.parse(s.get(1));
            BigDecimal earned = new BigDecimal(s.get(2));
            BigDecimal balance = new BigDecimal(s.get(3));
            BigDecimal writtenOff = new BigDecimal(s.get(4));
            BigDecimal draw = new BigDecimal(s.get(5));
            BigDecimal before = earned.subtract(draw); // what the period earned before the draw settled it
            BigDecimal opening = owed.getOrDefault(rep, BigDecimal.ZERO);
            String label = rep + " " + period + " " + changed.getOrDefault(rep, "unchanged") + ": " + s;
            if (opening.signum() > 0) {
                // the job reads the opening balance from last month's statement, so the rep must have one
                assertThat(lastPeriod.get(rep)).as("statements follow month by month: " + label)
                        .isEqualTo(period.minusMonths(1).toString());
            }
            LocalDate hire = LocalDate.parse(s.get(6));
            LocalDate left = s.get(7) == null || s.get(7).isEmpty() ? null : LocalDate.parse(s.get(7));
            boolean afterLeaving = left != null && period.isAfter(YearMonth.from(left));
            boolean pastTwoMonths = period.isAfter(YearMonth.from(hire).plusMonths(1));
            BigDecimal expected = afterLeaving || pastTwoMonths ? BigDecimal.ZERO.max(before.subtract(opening))
                    : DRAW.max(before.subtract(opening));
            assertThat(earned).as("payable " + label).isEqualByComparingTo(expected);
            BigDecimal closing = opening.add(draw);
            // what is owed at the end of the leaving month is written off; a later month (a late payment on
            // the leaver's deal) can only owe from a negative period, and that is written off too
            if (left != null && !period.isBefore(YearMonth.from(left))) {
                assertThat(writtenOff).as("forgiven " + label).isEqualByComparingTo(closing);
                assertThat(balance).as("balance " + label).isEqualByComparingTo("0.00");
                forgiven += closing.signum() > 0 && changed.containsKey(rep) ? 1 : 0;
            } else {
                assertThat(writtenOff).as("forgiven " + label).isEqualByComparingTo("0.00");
                assertThat(balance).as("balance " + label).isEqualByComparingTo(closing);
            }
            if (pastTwoMonths && !afterLeaving && opening.signum() > 0 && before.subtract(opening).compareTo(DRAW) < 0) {
                notToppedUp++; // a draw still running would have paid this month up to 20,000.00
            }
            owed.put(rep, balance);
            lastPeriod.put(rep, period.toString());
        }
        // the rules above were exercised, not only their ordinary case
        assertThat(forgiven).as("a leaver's balance was written off").isPositive();
        assertThat(notToppedUp).as("a new hire past the draw's months owed a balance and was not advanced")
                .isPositive();
    }

    /**
     * Makes the first three reps (in file order) who stay new hires, and the next three hires who
     * leave after two months, in the reps export.
     *
     * @return rep id → what was changed
     */
    private static Map<String, String> hireAndLeave(Path reps) throws Exception {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(reps, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                rows.add(new ArrayList<>(record.toList()));
            }
        }
        int role = header.indexOf("role");
        int hire = header.indexOf("hire_date");
        int termination = header.indexOf("termination_date");
        Map<String, String> changed = new HashMap<>();
        for (List<String> row : rows) {
            if (!row.get(role).equals("rep") || !row.get(termination).isEmpty() || changed.size() >= 6) {
                continue;
            }
            if (changed.size() < 3) {
                row.set(hire, HIRED.toString());
                changed.put(row.get(0), "hired " + HIRED);
            } else {
                row.set(hire, HIRED_TO_LEAVE.toString());
                row.set(termination, LEFT.toString());
                changed.put(row.get(0), "hired " + HIRED_TO_LEAVE + ", left " + LEFT);
            }
        }
        assertThat(changed).hasSize(6);
        try (Writer out = Files.newBufferedWriter(reps, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                     .get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return changed;
    }
}
