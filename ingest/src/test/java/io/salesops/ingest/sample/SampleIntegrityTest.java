package io.salesops.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The joins an analyst relies on hold in a tiny generated world; dirty rows are skipped where they must be. */
class SampleIntegrityTest {
    private static final GeneratorSettings SMALL = new GeneratorSettings(0.003, 11, 12, YearMonth.of(2025, 12));

    @TempDir
    static Path dir;
    static GenerationReport report;
    static Set<String> repIds;

    @BeforeAll
    static void generate() throws IOException {
        report = new SampleDataGenerator().generate(SMALL, dir);
        repIds = ids("org/reps.csv", "rep_id");
    }

    @Test
    void everyRepReferenceIsARep() {
        assertThat(values("crm/opportunities.csv", "owner_rep_id")).isSubsetOf(repIds);
        assertThat(values("crm/accounts.csv", "owner_rep_id")).isSubsetOf(repIds);
        assertThat(values("crm/activities.csv", "rep_id")).isSubsetOf(repIds);
        assertThat(values("crm/opportunity_splits.csv", "rep_id")).isSubsetOf(repIds);
        assertThat(values("erp/invoices.csv", "rep_id")).isSubsetOf(repIds);
        assertThat(values("org/quotas.csv", "rep_id")).isSubsetOf(repIds);
        assertThat(values("org/teams.csv", "manager_id")).isSubsetOf(repIds);
    }

    @Test
    void everyRepHasAnExistingTeamAndTerritory() {
        Set<String> teams = ids("org/teams.csv", "team_id");
        Set<String> territories = ids("org/territories.csv", "territory_id");
        for (CSVRecord rep : SampleCsv.records(dir, "org/reps.csv")) {
            assertThat(rep.get("team_id")).isIn(teams);
            assertThat(rep.get("territory_id")).isIn(territories);
        }
    }

    @Test
    void customersAndAccountsPointAtEachOther() {
        Map<String, String> customerOfAccount = new HashMap<>();
        for (CSVRecord account : SampleCsv.records(dir, "crm/accounts.csv")) {
            customerOfAccount.put(account.get("account_id"), account.get("customer_id"));
        }
        for (CSVRecord customer : SampleCsv.records(dir, "erp/customers.csv")) {
            assertThat(customerOfAccount.get(customer.get("account_id"))).isEqualTo(customer.get("customer_id"));
        }
    }

    @Test
    void orderTotalsAndInvoicesEqualTheirLines() {
        // given
        Map<String, BigDecimal> lineNet = new HashMap<>();
        Map<String, BigDecimal> lineTax = new HashMap<>();
        for (CSVRecord line : SampleCsv.records(dir, "erp/order_lines.csv")) {
            lineNet.merge(line.get("order_id"), new BigDecimal(line.get("net_amount")), BigDecimal::add);
            lineTax.merge(line.get("order_id"), new BigDecimal(line.get("tax_amount")), BigDecimal::add);
        }
        Set<String> customers = ids("erp/customers.csv", "customer_id");
        Map<String, String> orderRep = new HashMap<>();

        // when / then
        for (CSVRecord order : SampleCsv.records(dir, "erp/sales_orders.csv", Charset.forName("GBK"))) {
            String orderId = order.get("单据编号");
            assertThat(order.get("客户编码")).isIn(customers);
            assertThat(order.get("销售员")).isIn(repIds);
            if (!orderId.isEmpty()) {
                assertThat(new BigDecimal(order.get("价税合计")))
                        .isEqualByComparingTo(lineNet.get(orderId).add(lineTax.get(orderId)));
                orderRep.put(orderId, order.get("销售员"));
            }
        }
        List<CSVRecord> invoices = SampleCsv.records(dir, "erp/invoices.csv");
        assertThat(invoices).isNotEmpty();
        for (CSVRecord invoice : invoices) {
            String orderId = invoice.get("order_id");
            assertThat(new BigDecimal(invoice.get("net_amount"))).isEqualByComparingTo(lineNet.get(orderId));
            assertThat(new BigDecimal(invoice.get("tax_amount"))).isEqualByComparingTo(lineTax.get(orderId));
            if (orderRep.containsKey(orderId)) {
                assertThat(invoice.get("rep_id")).isEqualTo(orderRep.get(orderId));
            }
        }
    }

    @Test
    void splitsAddUpToOneHundred() {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (CSVRecord split : SampleCsv.records(dir, "crm/opportunity_splits.csv")) {
            sums.merge(split.get("opportunity_id"), new BigDecimal(split.get("split_percent")), BigDecimal::add);
        }
        assertThat(sums).isNotEmpty();
        assertThat(sums.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("100"));
    }

    @Test
    void stageFlagsForecastAndHistoryAgreeWithTheStage() {
        Map<String, List<CSVRecord>> history = SampleCsv.records(dir, "crm/opportunity_stage_history.csv").stream()
                .collect(Collectors.groupingBy(r -> r.get("opportunity_id")));
        for (CSVRecord deal : SampleCsv.records(dir, "crm/opportunities.csv")) {
            String stage = deal.get("stage");
            if (!Vocabulary.OPPORTUNITY_STAGES.contains(stage) || deal.get("opportunity_id").isEmpty()) {
                continue; // a category_typo or missing_key row
            }
            assertThat(deal.get("is_closed")).isEqualTo(String.valueOf(stage.startsWith("closed")));
            assertThat(deal.get("is_won")).isEqualTo(String.valueOf(stage.equals("closed_won")));
            if (stage.equals("closed_won")) {
                assertThat(deal.get("forecast_category").trim()).isEqualToIgnoringCase("closed");
            }
            List<CSVRecord> changes = history.get(deal.get("opportunity_id"));
            assertThat(changes.get(0).get("stage")).isEqualTo("prospecting");
            assertThat(changes.get(changes.size() - 1).get("stage")).isEqualTo(stage);
            for (int i = 1; i < changes.size(); i++) {
                assertThat(changes.get(i).get("changed_at")).isGreaterThan(changes.get(i - 1).get("changed_at"));
            }
        }
    }

    @Test
    void paymentsNeverExceedTheInvoice() {
        Map<String, BigDecimal> gross = new HashMap<>();
        for (CSVRecord invoice : SampleCsv.records(dir, "erp/invoices.csv")) {
            gross.put(invoice.get("invoice_id"),
                    new BigDecimal(invoice.get("net_amount")).add(new BigDecimal(invoice.get("tax_amount"))));
        }
        Map<String, BigDecimal> paid = new HashMap<>();
        for (CSVRecord payment : SampleCsv.records(dir, "erp/payments.csv")) {
            paid.merge(payment.get("invoice_id"), new BigDecimal(payment.get("amount")), BigDecimal::add);
        }
        long blankInvoiceIds = report.file("erp/invoices.csv").orElseThrow().dirt(DirtKind.MISSING_KEY);
        assertThat(paid.keySet().stream().filter(id -> !gross.containsKey(id)).count())
                .as("payments of invoices whose id was blanked as dirt").isLessThanOrEqualTo(blankInvoiceIds);
        paid.forEach((invoice, amount) -> {
            if (gross.containsKey(invoice)) {
                assertThat(amount).isLessThanOrEqualTo(gross.get(invoice));
            }
        });
    }

    private static Set<String> ids(String path, String column) {
        return values(path, column);
    }

    /** The non-blank values of a column. */
    private static Set<String> values(String path, String column) {
        return SampleCsv.records(dir, path).stream().map(r -> r.get(column)).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }
}
