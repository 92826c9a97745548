package io.salesops.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesops.jobs.commission.run.CommissionTables;
import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command 1 and the issue's acceptance checks, on the packaged application: demo,
 * query, demo again, a refused write, and kill -9 in the middle of a run followed by restart.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthEndDemoIT {

    static final String SCALE = "0.002";

    @TempDir
    static Path work;
    static Map<String, String> uninterrupted;
    static String commissionHash;

    @Test
    @Order(1)
    void demoLeavesParquetAQueryableAnalystDatabaseAndAChinesePdf() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result demo = Launcher.run(work.resolve("demo1"), "demo", "--data-dir", data.toString(),
                "--scale", SCALE);

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("COMPLETED");
        try (Stream<Path> files = Files.walk(data.resolve("warehouse/curated"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count()).isGreaterThanOrEqualTo(23);
        }
        Launcher.Result count = Launcher.run(work.resolve("q1"), "query", "--data-dir", data.toString(),
                "--format", "csv", "select count(*) as n from opportunities");
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(Long.parseLong(count.out().lines().toList().get(1))).isPositive();

        List<Path> pdfs;
        try (Stream<Path> files = Files.list(data.resolve("reports"))) {
            pdfs = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).toList();
        }
        assertThat(pdfs).hasSize(1);
        try (var document = Loader.loadPDF(pdfs.get(0).toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("华东", "区域业绩汇总");
            PDPage page = document.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.getName()).contains("NotoSansSC");
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
            }
        }
        // and the month's commissions: a statement PDF per rep, the payroll file, a run with its hash
        String period = query(data, "select period from commission_runs");
        try (Stream<Path> files = Files.list(data.resolve("reports/commissions").resolve(period))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isNotEmpty()
                    .allMatch(name -> name.startsWith("statement-" + period + "-") && name.endsWith(".pdf"))
                    .hasSize(Integer.parseInt(query(data, "select count(*) from commission_statements")));
        }
        try (Stream<Path> files = Files.list(data.resolve("exports/commissions").resolve(period))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("payroll-" + period);
        }
        uninterrupted = fingerprint(data);
        commissionHash = query(data, "select result_hash from commission_runs");
    }

    @Test
    @Order(2)
    void demoAgainSucceedsAndChangesNoRowCount() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result again = Launcher.run(work.resolve("demo2"), "demo", "--data-dir", data.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(fingerprint(data)).isEqualTo(uninterrupted);
        // a second commission run on the same inputs: a new run, the same result
        assertThat(query(data, "select count(distinct run_id) || ' ' || count(distinct result_hash) || ' '"
                + " || min(result_hash) from commission_runs")).isEqualTo("2 1 " + commissionHash);
    }

    @Test
    @Order(3)
    void aWriteThroughQueryIsRefusedAndChangesNothing() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result drop = Launcher.run(work.resolve("drop"), "query", "--data-dir", data.toString(),
                "drop table opportunities");

        assertThat(drop.exitCode()).isNotZero();
        assertThat(drop.err().strip()).isEqualTo("salesops query: the analyst database is read-only: DROP statements"
                + " are refused; allowed are DESC, DESCRIBE, EXPLAIN, FROM, PIVOT, SELECT, SHOW, SUMMARIZE, TABLE,"
                + " UNPIVOT, VALUES, WITH");
        assertThat(Launcher.run(work.resolve("q2"), "query", "--data-dir", data.toString(),
                "select count(*) from opportunities").exitCode()).isZero();
        assertThat(fingerprint(data)).isEqualTo(uninterrupted);
    }

    @Test
    @Order(4)
    void aBadPeriodAndAnUnknownJobAreOneLineErrors() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result badPeriod = Launcher.run(work.resolve("bad-period"), "run", "monthEndClose", "--data-dir",
                data.toString(), "--period", "2026-13");
        Launcher.Result unknownJob = Launcher.run(work.resolve("unknown-job"), "run", "nightly", "--data-dir",
                data.toString());

        assertThat(badPeriod.exitCode()).isEqualTo(1);
        assertThat(badPeriod.err().strip()).isEqualTo("salesops run: period must be a month written YYYY-MM,"
                + " cannot be: 2026-13");
        assertThat(unknownJob.exitCode()).isEqualTo(1);
        assertThat(unknownJob.err().strip()).isEqualTo("salesops run: unknown job nightly; known jobs: commissions,"
                + " ingest, monthEndClose");
    }

    @Test
    @Order(5)
    void killedWithSigkillMidRunThenRestartedEqualsTheUninterruptedRun() throws Exception {
        // given: the same exports in a fresh data directory
        Path data = work.resolve("killed");
        copyTree(work.resolve("data/landing"), data.resolve("landing"));

        // when: the run is killed once the warehouse is published, before the job is done
        Process run = Launcher.start(work.resolve("killed-run"), "demo", "--data-dir", data.toString());
        Path published = data.resolve("warehouse/curated/invoices/CURRENT");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(published) || !run.isAlive());
        assertThat(run.isAlive()).as("the run must still be going when it is killed").isTrue();
        run.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
        run.waitFor(1, TimeUnit.MINUTES);

        // then: jobs shows the execution, restart completes it, and the result is the same
        Launcher.Result jobs = Launcher.run(work.resolve("jobs"), "jobs", "--data-dir", data.toString());
        assertThat(jobs.exitCode()).as(jobs.err()).isZero();
        Matcher row = Pattern.compile("(?m)^(\\d+)\\s+monthEndClose\\s.*STARTED \\(process gone").matcher(jobs.out());
        assertThat(row.find()).as(jobs.out()).isTrue();
        Launcher.Result restart = Launcher.run(work.resolve("restart"), "restart", "--data-dir", data.toString(),
                row.group(1));
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("COMPLETED");

        // and then the commissions job, killed as its calculation finishes, restarted: the same result hash
        copyTree(work.resolve("data/commissions"), data.resolve("commissions"));
        String period = query(work.resolve("data"), "select min(period) from commission_runs");
        Process commissions = Launcher.start(work.resolve("killed-commissions"), "run", "commissions", "--period",
                period, "--data-dir", data.toString());
        Path payroll = data.resolve("exports/commissions").resolve(period);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(payroll) || !commissions.isAlive());
        assertThat(commissions.isAlive()).as("the commission run must still be going when it is killed").isTrue();
        commissions.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        commissions.destroyForcibly();
        commissions.waitFor(1, TimeUnit.MINUTES);
        Launcher.Result jobsAfter = Launcher.run(work.resolve("jobs2"), "jobs", "--data-dir", data.toString());
        Matcher killed = Pattern.compile("(?m)^(\\d+)\\s+commissions\\s.*STARTED \\(process gone")
                .matcher(jobsAfter.out());
        assertThat(killed.find()).as(jobsAfter.out()).isTrue();
        Launcher.Result resumed = Launcher.run(work.resolve("restart2"), "restart", "--data-dir", data.toString(),
                killed.group(1));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(fingerprint(data)).isEqualTo(uninterrupted);
        assertThat(query(data, "select result_hash from commission_runs")).isEqualTo(commissionHash);
    }

    @Test
    @Order(6)
    void calculatingAnEarlierMonthAndLaterOnesAgainLeavesNothingOutOfDate() throws Exception {
        // given: the demo calculated its month; the month before is calculated after it
        Path data = work.resolve("data");
        String period = query(data, "select max(period) from commission_runs");
        String before = java.time.YearMonth.parse(period).minusMonths(1).toString();

        // when
        Launcher.Result run = Launcher.run(work.resolve("and-later"), "run", "commissions", "--period", before,
                "--and-later", "--data-dir", data.toString());

        // then: the demo's month read the month before, so it was calculated again after it
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("commission period " + period + " is out of date: calculating it again");
        assertThat(run.out().indexOf("running commissions period=" + period))
                .isGreaterThan(run.out().indexOf("running commissions period=" + before));
        Launcher.Result status = Launcher.run(work.resolve("status"), "commissions", "status", "--period", period,
                "--data-dir", data.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).doesNotContain("out of date");
        assertThat(query(data, "select count(*) from commission_runs where period = '" + period + "'"))
                .isEqualTo("3");
    }

    private static String query(Path data, String sql) throws Exception {
        Launcher.Result result = Launcher.run(work.resolve("query-" + Integer.toHexString(sql.hashCode())), "query",
                "--data-dir", data.toString(), "--format", "csv", sql);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().toList().get(1);
    }

    /** Every table but commission_runs, which gains a row per run by design. */
    private static Map<String, String> fingerprint(Path data) {
        return WarehouseFingerprint.of(new Warehouse(new DataLayout(data).warehouse()), WarehouseCatalog.ALL.stream()
                .filter(table -> table != CommissionTables.COMMISSION_RUNS).toList());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
