package io.salesops.jobs.commission.run;

import static io.salesops.jobs.commission.run.RepPlanSetup.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.jobs.commission.ledger.RunDiff;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.Warehouse;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 24's re-export, through the real ingest and commission jobs: the ERP's payments exported
 * again under a dated name with one payment more, and the order lines again under a new name
 * with a trailing newline. The tables keep one row per key, gaining only the new payment, and the
 * next commission run differs from the previous one by that payment's commission alone.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class ReExportJobTest extends CommissionsJobScenario {

    static final YearMonth PERIOD = YearMonth.of(2025, 6);
    static final Path dataDir = JobTestDataDir.create("salesops-re-export-");
    static final String NEW_PAYMENT = "SKD99999999";

    @Autowired
    Warehouse warehouse;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @Test
    void aReExportUnderNewNamesAddsOnlyTheNewPaymentAndItsCommission() throws Exception {
        // given: the exports ingested and the period calculated
        ingestSample(dataDir, new GeneratorSettings(0.002, 11, 6, PERIOD));
        ExampleSetup.copyIfMissing(dataDir.resolve("commissions"));
        calculate(PERIOD);
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        String before = text(analyst, "select count(*) || ' ' || count(distinct (order_id, line_no)) from order_lines");
        long payments = Long.parseLong(text(analyst, "select count(*) from payments"));
        String runA = text(analyst, "select max(run_id) from commission_runs");
        BigDecimal totalA = new BigDecimal(text(analyst, "select total_payable from commission_runs where run_id = '"
                + runA + "'"));

        // when: payments again as payments_20261201.csv with one more payment (of an invoice paid in the
        // period, for 1,000.00), and order lines again as order_lines_20261201.csv with a trailing newline
        Path again = Files.createDirectories(dataDir.resolve("re-export"));
        List<String> paymentLines = new ArrayList<>(Files.readAllLines(dataDir.resolve("landing/erp/payments.csv")));
        String[] unpaid = unpaidInvoiceOfARepWithAStatement(analyst, runA);
        String[] fields = paymentLines.get(1).split(",");
        fields[0] = NEW_PAYMENT;
        fields[1] = unpaid[0];
        fields[2] = unpaid[1];
        fields[3] = PERIOD.atDay(15).toString();
        fields[4] = "1000.00";
        fields[5] = "CNY";
        paymentLines.add(String.join(",", fields));
        Path paymentsAgain = Files.write(again.resolve("payments_20261201.csv"), paymentLines, StandardCharsets.UTF_8);
        Path linesAgain = again.resolve("order_lines_20261201.csv");
        Files.writeString(linesAgain, Files.readString(dataDir.resolve("landing/erp/order_lines.csv")) + "\n");
        succeeds(jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("exports", paymentsAgain + File.pathSeparator + linesAgain).toJobParameters()));
        calculate(PERIOD);

        // then: one row per key, the new payment the only new row
        analyst = new AnalystDatabase(dataDir);
        assertThat(text(analyst, "select count(*) || ' ' || count(distinct (order_id, line_no)) from order_lines"))
                .isEqualTo(before);
        assertThat(text(analyst, "select count(*) || ' ' || count(distinct payment_id) from payments"))
                .isEqualTo((payments + 1) + " " + (payments + 1));
        // and the commission differs by what the new payment earns, and by nothing else
        String runB = text(analyst, "select max(run_id) from commission_runs");
        BigDecimal totalB = new BigDecimal(text(analyst, "select total_payable from commission_runs where run_id = '"
                + runB + "'"));
        List<RunDiff.Change> changes = new RunDiff(warehouse).compare(PERIOD.toString(), runA, runB);
        assertThat(changes).isNotEmpty().allSatisfy(change -> assertThat(change.transactionId()).contains(NEW_PAYMENT));
        BigDecimal earnedByThePayment = new BigDecimal(text(analyst, "select sum(amount) from commission_lines where"
                + " run_id = '" + runB + "' and transaction_id like '%" + NEW_PAYMENT + "%'"));
        assertThat(earnedByThePayment).isPositive();
        assertThat(totalB.subtract(totalA)).isEqualByComparingTo(earnedByThePayment);
    }

    /** The latest CNY invoice issued before mid-period that nothing paid yet, of a rep the run paid. */
    private static String[] unpaidInvoiceOfARepWithAStatement(AnalystDatabase analyst, String run) {
        List<String> row = analyst.query("select i.invoice_id, i.customer_id from invoices i"
                + " join commission_statements s on s.rep_id = i.rep_id and s.run_id = '" + run + "'"
                + " where i.currency = 'CNY' and i.invoice_date <= date '" + PERIOD.atDay(15) + "'"
                + " and not exists (select 1 from payments p where p.invoice_id = i.invoice_id)"
                + " order by i.invoice_date desc, i.invoice_id limit 1", 1).rows().get(0);
        return row.toArray(String[]::new);
    }

    private static String text(AnalystDatabase analyst, String sql) {
        return analyst.query(sql, 1).rows().get(0).get(0);
    }
}
