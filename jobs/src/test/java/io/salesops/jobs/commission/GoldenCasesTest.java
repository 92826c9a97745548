package io.salesops.jobs.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.commission.calc.Credit;
import io.salesops.jobs.commission.calc.PayoutLine;
import io.salesops.jobs.commission.calc.PlanCalculator;
import io.salesops.jobs.commission.calc.Statement;
import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.PlanFile;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
            assertThat(names).as("golden cases").hasSizeGreaterThanOrEqualTo(8);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseProducesTheHandComputedLines(String name) throws IOException {
        // given
        Path folder = CASES.resolve(name);
        CommissionPlan plan = PlanFile.load(folder.resolve("plan.yaml"));
        List<Credit> credits = records(folder.resolve("credits.csv")).stream()
                .map(r -> new Credit(r.get("transaction_id"), new BigDecimal(r.get("amount")), r.get("category")))
                .toList();
        BigDecimal quota = Files.exists(folder.resolve("quota.csv"))
                ? new BigDecimal(records(folder.resolve("quota.csv")).get(0).get("quota")) : null;
        List<CSVRecord> expected = records(folder.resolve("expected.csv"));

        // when
        Statement statement = PlanCalculator.calculate(plan, credits, quota);
        writeActual(name, statement);

        // then
        List<String> actualRows = new ArrayList<>();
        List<String> expectedRows = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            CSVRecord row = expected.get(i);
            String explanation = row.isMapped("explanation") ? row.get("explanation") : "";
            expectedRows.add(String.join(" | ", row.get("component"), row.get("source"), tier(row.get("tier")),
                    number(row.get("base")), rate(row.get("rate")), row.get("amount"), explanation));
            if (i < statement.lines().size()) {
                actualRows.add(row(statement.lines().get(i), !explanation.isEmpty()));
            }
        }
        statement.lines().stream().skip(expected.size()).forEach(line -> actualRows.add(row(line, true)));
        assertThat(actualRows).as("payout lines of case " + name).containsExactlyElementsOf(expectedRows);
    }

    private static String row(PayoutLine line, boolean withExplanation) {
        return String.join(" | ", line.component(), line.source(), String.valueOf(line.tier()),
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
    private static void writeActual(String name, Statement statement) throws IOException {
        Path out = ACTUALS.resolve(name);
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("component,source,tier,base,rate,amount,explanation\n");
        for (PayoutLine line : statement.lines()) {
            csv.append(String.join(",", line.component(), line.source(), line.tier() == 0 ? "" : String.valueOf(line.tier()),
                    line.base().toPlainString(), line.rate().map(BigDecimal::toPlainString).orElse(""),
                    line.amount().toPlainString(), "\"" + line.explanation().replace("\"", "\"\"") + "\"")).append('\n');
        }
        Files.writeString(out.resolve("actual.csv"), csv, StandardCharsets.UTF_8);
    }
}
