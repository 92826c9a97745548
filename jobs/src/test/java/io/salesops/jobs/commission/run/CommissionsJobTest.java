package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.ManualAdjustment;
import io.salesops.jobs.commission.ledger.ManualAdjustments;
import io.salesops.jobs.commission.ledger.PeriodClose;
import io.salesops.jobs.commission.ledger.RunDiff;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.analyst.QueryResult;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the commissions job for real on generated exports (ingested by the ingest job first): Spark,
 * Parquet, an H2 job repository, DuckDB for the checks. The checks recompute from the warehouse
 * what they can independently (cash earned from payments in SQL), read the payroll file back as a
 * user's spreadsheet would, and compare runs by their result hashes.
 */
@SpringBootTest(classes = JobsTestApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommissionsJobTest extends CommissionsJobScenario {

    static final YearMonth PERIOD = YearMonth.of(2025, 6);
    static final Path dataDir = JobTestDataDir.create("salesops-commissions-");

    @Autowired
    Warehouse warehouse;
    @Autowired
    CommissionPeriods periods;
    @Autowired
    ManualAdjustments adjustments;
    @Autowired
    PeriodClose periodClose;
    @Autowired
    RecordAdjustment recordAdjustment;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @BeforeAll
    static void generateExportsAndSetUp() throws Exception {
        new SampleDataGenerator().generate(new GeneratorSettings(0.002, 11, 6, PERIOD), dataDir.resolve("landing"));
        assertThat(ExampleSetup.copyIfMissing(dataDir.resolve("commissions"))).isTrue();
    }

    @Test
    @Order(1)
    void aRunPublishesTheFourMartsAndAPayrollFileThatReconcile() throws Exception {
        JobExecution loaded = jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .toJobParameters());
        assertThat(loaded.getStatus()).as(loaded.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution run = run();

        assertThat(run.getStatus()).as(run.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        for (String mart : List.of("commission_credits", "commission_lines", "commission_statements",
                "commission_runs")) {
            assertThat(number(analyst, "select count(*) from " + mart)).as(mart).isPositive();
        }
        // a statement per rep of the period, each with its period as text and the lines behind it
        assertThat(number(analyst, "select count(*) from commission_statements where period <> '" + PERIOD + "'"))
                .isZero();
        assertThat(number(analyst, "select count(*) from commission_statements s where line_count <> (select"
                + " count(*) from commission_lines l where l.rep_id = s.rep_id)")).isZero();
        // Σ lines = Σ statements = Σ payroll, read back from the file as a spreadsheet would
        BigDecimal lines = number(analyst, "select sum(amount) from commission_lines");
        BigDecimal statements = number(analyst, "select sum(payable) from commission_statements");
        Path payroll = Path.of(text(analyst, "select '" + dataDir + "/exports/commissions/" + PERIOD + "/payroll-"
                + PERIOD + "-run-' || run_id || '.csv' from commission_runs"));
        byte[] bytes = Files.readAllBytes(payroll);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> rows = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        BigDecimal payrollTotal = rows.stream().skip(1).map(r -> new BigDecimal(r.substring(r.lastIndexOf(',') + 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines).isPositive().isEqualByComparingTo(statements).isEqualByComparingTo(payrollTotal);
        assertThat(rows).hasSize(1 + (int) number(analyst, "select count(*) from commission_statements").intValue());
        assertThat(number(analyst, "select total_payable from commission_runs")).isEqualByComparingTo(statements);
    }

    @Test
    @Order(2)
    void everyRepGetsAStatementPdfWithTheirChineseNameAndTheTotalsOfCommissionStatements() throws Exception {
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        List<List<String>> statements = analyst.query("select rep_id, earned, adjustments, payable, credited_amount"
                + " from commission_statements order by payable desc", 1000).rows();
        Path folder = dataDir.resolve("reports/commissions/" + PERIOD);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(Stream.concat(
                    Stream.of(PeriodFiles.MANIFEST), statements.stream()
                    .map(r -> "statement-" + PERIOD + "-" + r.get(0) + ".pdf")).sorted().toList());
        }
        List<String> top = statements.get(0);
        String name;
        // names are masked in analyst.duckdb; the private database has them as loaded
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve(
                "analyst-private.duckdb"), readOnly());
             var statement = connection.createStatement();
             var rs = statement.executeQuery("select rep_name from private.reps where rep_id = '" + top.get(0) + "'")) {
            assertThat(rs.next()).isTrue();
            name = rs.getString(1);
        }
        assertThat(name).matches("\\p{IsHan}+");
        String text;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(folder.resolve("statement-" + PERIOD + "-" + top.get(0)
                + ".pdf").toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains(name + " (" + top.get(0) + ")", "期间 Period: " + PERIOD,
                "应得佣金 Earned " + grouped(top.get(1)), "调整 Adjustments " + grouped(top.get(2)),
                "应付 Payable " + grouped(top.get(3)), "计提金额 Credited " + grouped(top.get(4)));

        // a line that is a share of a period-level calculation (attainment bands) prints as its share;
        // the calculation itself prints once, with its component's total
        List<String> shared = analyst.query("select rep_id, explanation from commission_lines where explanation"
                + " like '%this transaction''s share of%' order by rep_id, line_no limit 1", 1).rows().get(0);
        String calculation = shared.get(1).substring(0, shared.get(1).lastIndexOf("; this transaction's share of"));
        String sharing;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(folder.resolve("statement-" + PERIOD + "-" + shared.get(0)
                + ".pdf").toFile())) {
            sharing = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace('\n', ' ');
        }
        assertThat(sharing).contains("share of ");
        assertThat(sharing.split(java.util.regex.Pattern.quote(calculation), -1)).as(calculation).hasSize(2);
    }

    @Test
    @Order(3)
    void cashCreditsAreWhatThePeriodsPaymentsPayOfTheirInvoicesNetRecomputedInSql() {
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        // owner and split credits of an earning share each event exactly once
        BigDecimal credited = number(analyst, "select sum(amount * share) from commission_credits where basis ="
                + " 'cash' and reason_code is null and credit_role in ('owner', 'split')");
        String from = PERIOD.atDay(1).toString();
        String to = PERIOD.atEndOfMonth().toString();
        BigDecimal paid = number(analyst, """
                with p as (
                  select p.payment_id, p.invoice_id, p.payment_date, p.amount,
                         coalesce(sum(p.amount) over (partition by p.invoice_id order by p.payment_date, p.payment_id
                                  rows between unbounded preceding and 1 preceding), 0) as paid_before
                  from payments p)
                select sum(i.net_amount * greatest(0, least(p.amount, (i.net_amount + i.tax_amount)
                         - coalesce((select sum(c.net_amount + c.tax_amount) from credit_notes c
                                     where c.invoice_id = i.invoice_id and c.issue_date <= p.payment_date), 0)
                         - p.paid_before)) / (i.net_amount + i.tax_amount))
                from p join invoices i using (invoice_id)
                where p.payment_date between date '%s' and date '%s'
                """.formatted(from, to));
        assertThat(paid).isPositive();
        // credits carry 6 decimals per order line; allow that rounding and nothing more
        long events = number(analyst, "select count(*) from commission_credits where basis = 'cash' and reason_code"
                + " is null and credit_role in ('owner', 'split')").longValue();
        assertThat(credited.subtract(paid).abs()).isLessThanOrEqualTo(new BigDecimal("0.000001")
                .multiply(BigDecimal.valueOf(events)));
    }

    @Test
    @Order(4)
    void theSameInputsGiveTheSameResultHashInANewRun() throws Exception {
        JobExecution again = run();

        assertThat(again.getStatus()).as(again.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        QueryResult runs = new AnalystDatabase(dataDir).query("select run_id, result_hash, setup_hash, input_versions"
                + " from commission_runs order by run_id", 10);
        assertThat(runs.rows()).hasSize(2);
        assertThat(runs.rows().get(0).get(0)).isNotEqualTo(runs.rows().get(1).get(0));
        assertThat(runs.rows().get(0).subList(1, 4)).isEqualTo(runs.rows().get(1).subList(1, 4));
    }

    @Test
    @Order(5)
    void aBrokenPlanFailsTheRunNamingFileLineAndKeyAndPublishesNothing() throws Exception {
        Path plan = dataDir.resolve("commissions/plans/sales-rep.yaml");
        String original = Files.readString(plan);
        List<TableVersion> before = warehouse.history(CommissionTables.COMMISSION_STATEMENTS);
        Files.writeString(plan, original.replace("rate: 1.5%", "rate: -1.5%"));
        try {
            JobExecution failed = run();

            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e)
                    .hasMessage("sales-rep.yaml line 16, key components.base.rate: must be at least 0, cannot be:"
                            + " -1.5%"));
            assertThat(warehouse.history(CommissionTables.COMMISSION_STATEMENTS)).isEqualTo(before);
        } finally {
            Files.writeString(plan, original);
        }
    }

    @Test
    @Order(6)
    void aClosedPeriodNeverChangesAndARetroactivePlanChangePostsToTheNextPeriod() throws Exception {
        String june = PERIOD.toString();
        String july = PERIOD.plusMonths(1).toString();
        periods.approve(june, "王会计");
        periodClose.close(june, "财务总监");
        Map<String, String> closedFiles = partitionHashes(june);
        BigDecimal bookedBase = number(new AnalystDatabase(dataDir), "select sum(amount) from commission_ledger"
                + " where origin_period = '" + june + "' and component = 'base' and plan_id = 'sales-rep'");

        // July calculated before anything changed: nothing to correct
        JobExecution julyBefore = run(july);
        assertThat(julyBefore.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String julyRunBefore = text(analyst(), "select run_id from commission_runs where period = '" + july + "'");

        // when: the rep plan's base rate goes from 1.5 % to 2 % retroactively from 1 June, and July is calculated
        Path plans = dataDir.resolve("commissions/plans");
        String v1 = Files.readString(plans.resolve("sales-rep.yaml"));
        Files.writeString(plans.resolve("sales-rep.yaml"), v1.replace("effective_from: 2020-01-01",
                "effective_from: 2020-01-01\neffective_to: " + june + "-01"));
        Files.writeString(plans.resolve("sales-rep-v2.yaml"), v1.replace("version: 1", "version: 2")
                .replace("effective_from: 2020-01-01", "effective_from: " + june + "-01").replace("rate: 1.5%", "rate: 2%"));
        JobExecution julyRun = run(july);

        // then: June's files are byte for byte what was closed, and June cannot be recalculated
        assertThat(julyRun.getStatus()).as(julyRun.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitionHashes(june)).isEqualTo(closedFiles);
        assertThatThrownBy(() -> run(june)).as("refused before an execution exists")
                .isInstanceOf(org.springframework.batch.core.job.parameters.InvalidJobParametersException.class)
                .hasMessageStartingWith("commission period " + june + " is closed (by 财务总监");
        // and July reverses every base line June booked under v1 and rebooks it at 2 %: 4/3 of it, give or
        // take each line's rounding to the cent
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        String julyBase = "from commission_adjustments where period = '" + july + "' and origin_period = '" + june
                + "' and component = 'base' and plan_id = 'sales-rep'";
        BigDecimal reversed = number(analyst, "select sum(amount) " + julyBase + " and kind = 'reversal'");
        BigDecimal rebooked = number(analyst, "select sum(amount) " + julyBase + " and kind = 'rebook'");
        long corrected = number(analyst, "select count(*) " + julyBase + " and kind = 'rebook'").longValue();
        assertThat(reversed).isEqualByComparingTo(bookedBase.negate());
        assertThat(rebooked.subtract(bookedBase.multiply(new BigDecimal(4)).divide(new BigDecimal(3), 2,
                java.math.RoundingMode.HALF_UP)).abs()).isLessThanOrEqualTo(new BigDecimal("0.01")
                .multiply(BigDecimal.valueOf(corrected)));
        assertThat(number(analyst, "select count(*) " + julyBase.replace("component = 'base'", "reason not like"
                + " 'correction of " + june + ": plan sales-rep v1 is now sales-rep v2 (%'"))).isZero();
        assertThat(number(analyst, "select sum(adjustments) from commission_statements where period = '" + july + "'"))
                .isEqualByComparingTo(number(analyst, "select sum(amount) from commission_adjustments where period = '"
                        + july + "'"));
        // and the diff between July before and after the change explains each correction, per rep,
        // component and transaction, with its reason
        String firstJulyRun = text(analyst, latestRun(july));
        List<RunDiff.Change> changes = new RunDiff(warehouse).compare(july, julyRunBefore, firstJulyRun);
        assertThat(changes).hasSize((int) number(analyst, "select count(*) from (select distinct rep_id, kind,"
                + " component, transaction_id from commission_adjustments where period = '" + july + "')").longValue());
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.component()).startsWith("adjustment: ").endsWith(" of " + june);
            assertThat(change.before()).isZero();
            assertThat(change.explanationAfter()).startsWith("correction of " + june + ": plan sales-rep v1 is now"
                    + " sales-rep v2 (");
        });
        // and the diff between two July runs of the same inputs finds nothing
        JobExecution julyAgain = run(july);
        assertThat(julyAgain.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String secondJulyRun = text(analyst(), latestRun(july));
        assertThat(new RunDiff(warehouse).compare(july, firstJulyRun, secondJulyRun)).isEmpty();
    }

    @Test
    @Order(7)
    void aClosedPeriodsCorrectionIsPaidOnceAndAManualAdjustmentIsPaidWithItsReason() throws Exception {
        String july = PERIOD.plusMonths(1).toString();
        String august = PERIOD.plusMonths(2).toString();
        periods.approve(july, "王会计");
        periodClose.close(july, "财务总监");
        String rep = text(analyst(), "select min(rep_id) from commission_statements where plan_id = 'sales-rep'");
        ManualAdjustment bonus = adjustments.add(august, rep, new BigDecimal("500.00"), "CNY",
                "展会奖励 trade show bonus", "王会计", "财务总监");
        // an adjustment entered by mistake is withdrawn (who, when, why): the run below does not pay it
        ManualAdjustment mistaken = recordAdjustment.record(YearMonth.parse(august), rep, new BigDecimal("77.00"),
                "CNY", "entered twice", "王会计", "财务总监");
        ManualAdjustments.Withdrawal withdrawal = adjustments.withdraw(mistaken.adjustmentId(), "王会计",
                "entered twice by mistake");
        assertThat(withdrawal.adjustment()).isEqualTo(mistaken);
        assertThatThrownBy(() -> adjustments.withdraw(mistaken.adjustmentId(), "王会计", "again"))
                .hasMessageStartingWith("adjustment " + mistaken.adjustmentId() + " was withdrawn before, by 王会计 at ");
        assertThatThrownBy(() -> adjustments.withdraw("no-such-id", "王会计", "why"))
                .hasMessage("there is no adjustment no-such-id");
        // adjustments no run could pay are refused before anything is written
        List<ManualAdjustment> recorded = adjustments.of(august);
        YearMonth month = YearMonth.parse(august);
        assertThatThrownBy(() -> recordAdjustment.record(month, rep, BigDecimal.TEN, "XYZ", "r", "a", "b"))
                .hasMessage("adjustment not recorded: --currency: XYZ is not an ISO 4217 currency code (e.g. CNY, USD)");
        assertThatThrownBy(() -> recordAdjustment.record(month, rep, BigDecimal.TEN, "USD", "r", "a", "b"))
                .hasMessage("adjustment not recorded: --currency: " + rep + " is paid in CNY (plan sales-rep), not USD");
        assertThatThrownBy(() -> recordAdjustment.record(month, "NOSUCH", BigDecimal.TEN, "CNY", "r", "a", "b"))
                .hasMessage("adjustment not recorded: --rep: no rep NOSUCH in the warehouse's reps table");
        assertThatThrownBy(() -> recordAdjustment.record(month, rep, new BigDecimal("0.00"), "CNY", "r", "a", "b"))
                .hasMessage("adjustment not recorded: --amount: an adjustment of 0 changes nothing");
        assertThatThrownBy(() -> recordAdjustment.record(YearMonth.parse(july), rep, BigDecimal.TEN, "CNY", "r", "a",
                "b")).hasMessageStartingWith("commission period " + july + " is closed");
        assertThat(adjustments.of(august)).isEqualTo(recorded).extracting(ManualAdjustment::adjustmentId)
                .containsExactly(bonus.adjustmentId());

        JobExecution augustRun = run(august);

        assertThat(augustRun.getStatus()).as(augustRun.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        AnalystDatabase analyst = analyst();
        // June's correction was paid in July, which is closed now: August owes nothing more for it
        assertThat(number(analyst, "select count(*) from commission_adjustments where period = '" + august + "'"
                + " and kind <> 'manual'")).isZero();
        assertThat(analyst.query("select rep_id, amount, reason, approved_by, transaction_id from commission_adjustments"
                + " where period = '" + august + "'", 5).rows()).containsExactly(List.of(rep, "500.00",
                "展会奖励 trade show bonus (requested by 王会计)", "财务总监", bonus.adjustmentId()));
        assertThat(number(analyst, "select payable - earned from commission_statements where period = '" + august
                + "' and rep_id = '" + rep + "'")).isEqualByComparingTo("500.00");
        assertThatThrownBy(() -> adjustments.add(july, rep, BigDecimal.ONE, "CNY", "late", "王会计", "财务总监"))
                .hasMessageStartingWith("commission period " + july + " is closed");
    }

    @Test
    @Order(8)
    void aRecoverableDrawCarriesWhatIsOwedFromOnePeriodsStatementsToTheNext() throws Exception {
        String september = PERIOD.plusMonths(3).toString();
        String october = PERIOD.plusMonths(4).toString();
        Path plan = dataDir.resolve("commissions/plans/sales-manager.yaml");
        Files.writeString(plan, Files.readString(plan)
                + "  - {id: advance, kind: draw, amount: 1000.00, type: recoverable}\n");

        // the data ends in June: managers earn nothing later, so the draw advances 1,000.00 a month
        assertThat(run(september).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(october).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        AnalystDatabase analyst = analyst();
        String manager = text(analyst, "select min(rep_id) from commission_statements where plan_id = 'sales-manager'"
                + " and period = '" + october + "'");
        assertThat(analyst.query("select period, earned, payable, draw_balance from commission_statements where"
                + " rep_id = '" + manager + "' and period in ('" + september + "', '" + october + "') order by period",
                5).rows()).containsExactly(List.of(september, "1000.00", "1000.00", "1000.00"),
                List.of(october, "1000.00", "1000.00", "2000.00"));
        assertThat(text(analyst, "select explanation from commission_lines where rep_id = '" + manager
                + "' and period = '" + october + "' and component = 'advance'"))
                .isEqualTo("recoverable draw 1,000.00: earned 0.00, advanced 1,000.00, payable 1,000.00; balance owed"
                        + " 1,000.00 → 2,000.00");
    }

    private Map<String, String> partitionHashes(String period) throws Exception {
        Map<String, String> hashes = new java.util.TreeMap<>();
        for (var table : CommissionTables.ALL) {
            if (table == CommissionTables.COMMISSION_RUNS) {
                continue;
            }
            for (Path file : warehouse.requireCurrent(table).partitionFiles(table.partitionColumn(), period)) {
                hashes.put(table.name() + "/" + file.getFileName(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        assertThat(hashes).isNotEmpty();
        return hashes;
    }

    /** Run ids are numbers written as text: order them as numbers. */
    private static String latestRun(String period) {
        return "select run_id from commission_runs where period = '" + period + "' order by cast(run_id as bigint)"
                + " desc limit 1";
    }

    private static java.util.Properties readOnly() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        return properties;
    }

    /** 12345.6 → 12,345.60, formatted here rather than by the report's own formatter. */
    private static String grouped(String amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", new BigDecimal(amount));
    }

    private AnalystDatabase analyst() {
        return new AnalystDatabase(dataDir);
    }

    private JobExecution run(String period) throws Exception {
        return jobOperator.start(commissions, io.salesops.jobs.runtime.PeriodParameter.add(new JobParametersBuilder(), java.time.YearMonth.parse(period))
                .addLong("run", System.nanoTime()).toJobParameters());
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(commissions, io.salesops.jobs.runtime.PeriodParameter.add(new JobParametersBuilder(), PERIOD)
                .addLong("run", System.nanoTime()).toJobParameters());
    }

    private static BigDecimal number(AnalystDatabase analyst, String sql) {
        return new BigDecimal(text(analyst, sql));
    }

    private static String text(AnalystDatabase analyst, String sql) {
        return analyst.query(sql, 1).rows().get(0).get(0);
    }
}
