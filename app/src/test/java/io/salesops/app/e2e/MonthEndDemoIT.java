package io.salesops.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesops.jobs.commission.CommissionTables;
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
        assertThat(readableByOthers(data, null)).isEmpty();
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
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("SHA256SUMS")).toList())
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("statement-" + period + "-") && name.endsWith(".pdf"))
                    .hasSize(Integer.parseInt(query(data, "select count(*) from commission_statements")));
        }
        try (Stream<Path> files = Files.list(data.resolve("exports/commissions").resolve(period))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("SHA256SUMS")).toList())
                    .singleElement().asString().startsWith("payroll-" + period);
        }
        assertThat(personalValuesInTheMaskedDatabase(data)).isEmpty();
        anIndependentDuckDbClientReadsTheMaskedDatabase(data);
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
                + " are refused; allowed is one query: SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE");
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

        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err().strip()).isEqualTo("salesops run: Invalid value for option '--period': a period"
                + " is a month written YYYY-MM, cannot be: '2026-13' (see `salesops run --help`)");
        assertThat(unknownJob.exitCode()).isEqualTo(1);
        assertThat(unknownJob.err().strip()).isEqualTo("salesops run: unknown job nightly; known jobs: commissions,"
                + " forecast, funnels, ingest, monthEndClose");
        // run --help, printed without the Spring context, names the same jobs as the context holds
        Launcher.Result help = Launcher.run(work.resolve("run-help"), "run", "--help");
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("The job: commissions, forecast, funnels, ingest, monthEndClose.");
    }

    /**
     * Where a run is killed: the first path under {@code base} (relative to the data directory)
     * whose name relative to it matches {@code glob}. Markers are files the run itself writes at
     * that moment, so the kill lands there without guessing a delay.
     */
    record KillPoint(String step, String base, String glob) {
        @Override
        public String toString() {
            return step + " (" + base + "/" + glob + ")";
        }
    }

    static final List<KillPoint> MONTH_END_KILLS = List.of(
            new KillPoint("ingestFiles, a table part", "warehouse/curated/order_lines", ".staging-*/part-*.parquet"),
            new KillPoint("ingestFiles, a quarantine part", "warehouse/system/ingest_rejects",
                    ".staging-*/part-*.parquet"),
            new KillPoint("publishWarehouse", "warehouse/curated/invoices", "CURRENT"),
            new KillPoint("computeTerritoryPerformance", "warehouse/marts/territory_performance", ".staging-*"),
            new KillPoint("refreshAnalystDatabase", ".", ".analyst*.tmp"));

    @Test
    @Order(5)
    void killedWithSigkillAnywhereInTheMonthEndRunThenRestartedEqualsTheUninterruptedRun() throws Exception {
        Map<String, String> monthEnd = new java.util.TreeMap<>(uninterrupted);
        monthEnd.keySet().removeIf(table -> table.startsWith("commission_"));
        for (KillPoint point : MONTH_END_KILLS) {
            // given: the same exports in a fresh data directory
            Path data = work.resolve("killed-" + MONTH_END_KILLS.indexOf(point));
            copyTree(work.resolve("data/landing"), data.resolve("landing"));

            // when
            killAt(point, data, "demo", "--data-dir", data.toString());

            // then: jobs shows the execution, restart completes it, and the warehouse is the same
            String restart = restartKilled(point, data, "monthEndClose");
            assertThat(restart).as(point.toString()).contains("COMPLETED");
            Map<String, String> after = fingerprint(data);
            after.keySet().removeIf(table -> table.startsWith("commission_"));
            assertThat(after).as(point.toString()).isEqualTo(monthEnd);
        }
    }

    @Test
    @Order(6)
    void killedWithSigkillAnywhereInTheCommissionRunThenRestartedGivesTheSameResult() throws Exception {
        // given: a month-end close that completed after a kill (the previous test)
        Path data = work.resolve("killed-0");
        copyTree(work.resolve("data/commissions"), data.resolve("commissions"));
        String period = query(work.resolve("data"), "select min(period) from commission_runs");
        List<KillPoint> kills = List.of(
                new KillPoint("calculateCommissions", "warehouse/marts/commission_lines", ".staging-*"),
                new KillPoint("calculateCommissions, payroll written", "exports/commissions", ".staging-*/payroll-*"),
                new KillPoint("renderStatements", "reports/commissions", ".staging-*/statement-*.pdf"),
                new KillPoint("refreshAnalystDatabase", ".", ".analyst*.tmp"));
        List<Path> periodFolders = List.of(data.resolve("exports/commissions").resolve(period),
                data.resolve("reports/commissions").resolve(period));
        for (KillPoint point : kills) {
            Map<String, String> folders = hashes(periodFolders);

            // when
            killAt(point, data, "run", "commissions", "--period", period, "--data-dir", data.toString());

            // then: the killed run left the period's payroll and statements as they were (the
            // analyst refresh comes after they were replaced)
            if (!point.step().equals("refreshAnalystDatabase")) {
                assertThat(hashes(periodFolders)).as(point.toString()).isEqualTo(folders);
            }
            // and restart completes the run, and the result is the uninterrupted one
            restartKilled(point, data, "commissions");
            assertThat(fingerprint(data)).as(point.toString()).isEqualTo(uninterrupted);
            assertThat(query(data, "select count(distinct result_hash) || ' ' || min(result_hash)"
                    + " from commission_runs")).as(point.toString()).isEqualTo("1 " + commissionHash);
            Launcher.Result verify = Launcher.run(work.resolve("verify-" + kills.indexOf(point)), "commissions",
                    "status", "--period", period, "--verify", "--data-dir", data.toString());
            assertThat(verify.exitCode()).as(point + ": " + verify.err()).isZero();
        }
        // a file added beside the period's statements is named
        Path stray = Files.writeString(periodFolders.get(1).resolve("statement-" + period + "-R999.pdf"), "stray");
        Launcher.Result verify = Launcher.run(work.resolve("verify-stray"), "commissions", "status", "--period",
                period, "--verify", "--data-dir", data.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains(stray + ": not written by the period's run");

        // a run killed after writing its payroll, whose restart is refused because the period was
        // closed meanwhile, leaves the closed period's folders as they were
        Files.delete(stray);
        killAt(kills.get(1), data, "run", "commissions", "--period", period, "--data-dir", data.toString());
        Map<String, String> closedFolders = hashes(periodFolders);
        for (String command : List.of("approve", "close")) {
            Launcher.Result done = Launcher.run(work.resolve(command), "commissions", command, "--period", period,
                    "--by", "finance", "--data-dir", data.toString());
            assertThat(done.exitCode()).as(command + ": " + done.err()).isZero();
        }
        Launcher.Result refused = Launcher.run(work.resolve("restart-refused"), "restart", "--data-dir",
                data.toString(), killedExecution(kills.get(1), data, "commissions"));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains(period).contains("closed");
        assertThat(hashes(periodFolders)).isEqualTo(closedFolders);
        try (Stream<Path> staged = Stream.concat(Files.list(data.resolve("exports/commissions")),
                Files.list(data.resolve("reports/commissions")))) {
            assertThat(staged.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".staging"));
        }
        Launcher.Result closedVerify = Launcher.run(work.resolve("verify-closed"), "commissions", "status",
                "--period", period, "--verify", "--data-dir", data.toString());
        assertThat(closedVerify.exitCode()).as(closedVerify.err()).isZero();
    }

    /** SHA-256 of every file in the folders, by path. */
    private static Map<String, String> hashes(List<Path> folders) throws Exception {
        Map<String, String> hashes = new java.util.TreeMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    hashes.put(file.toString(), java.util.HexFormat.of().formatHex(java.security.MessageDigest
                            .getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        }
        return hashes;
    }

    /** Starts salesops and kills it and its children with SIGKILL as soon as the marker appears. */
    private static void killAt(KillPoint point, Path data, String... args) throws Exception {
        Path logs = work.resolve("run-" + Integer.toHexString(point.hashCode() ^ data.hashCode()));
        java.nio.file.attribute.FileTime started = java.nio.file.attribute.FileTime.from(java.time.Instant.now());
        Process run = Launcher.start(logs, args);
        Path base = data.resolve(point.base());
        java.nio.file.PathMatcher marker = base.getFileSystem().getPathMatcher("glob:" + point.glob());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> appeared(base, marker, started) || !run.isAlive());
        assertThat(run.isAlive()).as("the run must still be going when it is killed at " + point).isTrue();
        // what the run has written so far, temporaries included, is owner-only (the exports and the
        // commission set-up were copied in by the test)
        assertThat(readableByOthers(data, data.resolve("landing"))).as(point.toString())
                .noneMatch(path -> !path.startsWith("commissions"));
        run.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
        run.waitFor(1, TimeUnit.MINUTES);
    }

    /**
     * Every personal column's raw values, read from the curated Parquet, looked for in every table
     * and view analyst.duckdb holds, in every column as text: equal to a value, or (for values of
     * four characters or more: phones, emails, longer names) containing it, as a raw record would.
     * Returns what was found where.
     */
    static List<String> personalValuesInTheMaskedDatabase(Path data) throws Exception {
        Warehouse warehouse = new Warehouse(new DataLayout(data).warehouse());
        List<String> found = new java.util.ArrayList<>();
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var sql = duckdb.createStatement()) {
            sql.execute("CREATE TABLE raw (v VARCHAR)");
            int columns = 0;
            for (var table : WarehouseCatalog.ALL) {
                var version = warehouse.current(table);
                for (var column : table.storedColumns()) {
                    if (column.pii() && version.isPresent() && !version.get().parquetFiles().isEmpty()) {
                        sql.execute("INSERT INTO raw SELECT DISTINCT \"" + column.name() + "\"::VARCHAR FROM read_parquet('"
                                + version.get().parquetGlob() + "', union_by_name = true) WHERE length(\""
                                + column.name() + "\") >= 2");
                        columns++;
                    }
                }
            }
            assertThat(columns).as("personal columns read").isGreaterThanOrEqualTo(5);
            try (var rs = sql.executeQuery("SELECT count(*) FROM raw")) {
                rs.next();
                assertThat(rs.getLong(1)).as("raw personal values").isPositive();
            }
            sql.execute("ATTACH '" + data.resolve("analyst.duckdb") + "' AS a (READ_ONLY)");
            List<String[]> cells = new java.util.ArrayList<>();
            try (var rs = sql.executeQuery("SELECT table_name, column_name FROM duckdb_columns()"
                    + " WHERE database_name = 'a' ORDER BY 1, 2")) {
                while (rs.next()) {
                    cells.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(cells).hasSizeGreaterThan(100);
            for (String[] cell : cells) {
                String value = "x.\"" + cell[1] + "\"::VARCHAR";
                try (var rs = sql.executeQuery("SELECT any_value(raw.v) FROM a.main.\"" + cell[0] + "\" x JOIN raw ON "
                        + value + " = raw.v OR (length(raw.v) >= 4 AND contains(" + value + ", raw.v))")) {
                    rs.next();
                    if (rs.getString(1) != null) {
                        found.add(cell[0] + "." + cell[1] + " holds " + rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * analyst.duckdb opened read-only by another DuckDB client than the one that wrote it: Python's
     * duckdb package, as an analyst would. CI installs it (.ci/run) and sets SALESOPS_TEST_PYTHON;
     * elsewhere the check runs when python3 has the package, and is skipped (saying so) when not.
     */
    static void anIndependentDuckDbClientReadsTheMaskedDatabase(Path data) throws Exception {
        String python = System.getenv().getOrDefault("SALESOPS_TEST_PYTHON", "python3");
        boolean required = System.getenv("SALESOPS_TEST_PYTHON") != null;
        Process probe = new ProcessBuilder(python, "-c", "import duckdb").redirectErrorStream(true).start();
        boolean present = probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        if (!required) {
            org.junit.jupiter.api.Assumptions.assumeTrue(present,
                    "no Python duckdb package here (pip install duckdb); CI checks this with SALESOPS_TEST_PYTHON");
        }
        assertThat(present).as(python + " -c 'import duckdb'").isTrue();
        Process client = new ProcessBuilder(python, "-c", "import duckdb, sys\n"
                + "c = duckdb.connect(sys.argv[1], read_only=True)\n"
                + "print(duckdb.__version__)\n"
                + "print(c.sql(\"select count(*), count(distinct contact_name), min(contact_name) from contacts\").fetchone())\n",
                data.resolve("analyst.duckdb").toString()).redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(client.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        assertThat(out.lines().toList().get(1)).as(out).matches("\\((\\d+), (\\d+), '.\\*\\*\\*'\\)");
    }

    /** Files and directories under the data directory (but not under {@code skip}) that group or others may read. */
    static List<String> readableByOthers(Path data, Path skip) throws java.io.IOException {
        List<String> open = new java.util.ArrayList<>();
        Files.walkFileTree(data, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                    java.nio.file.attribute.BasicFileAttributes attributes) throws java.io.IOException {
                if (dir.equals(skip)) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                check(dir);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file,
                    java.nio.file.attribute.BasicFileAttributes attributes) throws java.io.IOException {
                check(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE; // gone while walked: a temporary renamed
            }

            private void check(Path path) throws java.io.IOException {
                if (path.equals(data) || Files.isSymbolicLink(path)) {
                    return; // the directory itself was made by the test
                }
                try {
                    String mode = java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                    if (!mode.endsWith("------")) {
                        open.add(data.relativize(path) + " " + mode);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // gone while walked
                }
            }
        });
        return open;
    }

    /** A matching file written since the run started (earlier runs' files do not count). */
    private static boolean appeared(Path base, java.nio.file.PathMatcher marker,
                                    java.nio.file.attribute.FileTime since) {
        if (!Files.isDirectory(base)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(base, 2)) {
            return files.anyMatch(path -> marker.matches(base.relativize(path)) && modifiedSince(path, since));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // a file vanished while listed: look again
        }
    }

    private static boolean modifiedSince(Path path, java.nio.file.attribute.FileTime since) {
        try {
            return Files.getLastModifiedTime(path).compareTo(since) >= 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The id of the killed execution, as {@code salesops jobs} shows it: STARTED, its process gone. */
    private static String killedExecution(KillPoint point, Path data, String job) throws Exception {
        Launcher.Result jobs = Launcher.run(work.resolve("jobs-" + Integer.toHexString(point.hashCode() ^ data.hashCode())
                + "-" + System.nanoTime()), "jobs", "--data-dir", data.toString());
        assertThat(jobs.exitCode()).as(jobs.err()).isZero();
        Matcher row = Pattern.compile("(?m)^(\\d+)\\s+" + job + "\\s.*STARTED \\(process gone").matcher(jobs.out());
        assertThat(row.find()).as(point + ": " + jobs.out()).isTrue();
        return row.group(1);
    }

    /** Finds the killed execution in {@code salesops jobs}, restarts it and returns what it printed. */
    private static String restartKilled(KillPoint point, Path data, String job) throws Exception {
        Launcher.Result restart = Launcher.run(work.resolve("restart-" + Integer.toHexString(point.hashCode())),
                "restart", "--data-dir", data.toString(), killedExecution(point, data, job));
        assertThat(restart.exitCode()).as(point + ": " + restart.err()).isZero();
        return restart.out();
    }

    @Test
    @Order(7)
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
