package io.salesops.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operator sees at the edges of a run, through bin/salesops in its own process: an export
 * the user may not read, and a kill right after the CLI said COMPLETED (#24 item 8).
 */
@Tag("e2e")
class CliDurabilityIT {

    private static final String TEAMS = "team_id,team_name,manager_id,region\nT1,华东一组,R001,华东\nT2,华南一组,R002,华南\n";

    @TempDir
    Path work;

    @Test
    void anExportTheUserMayNotReadIsNamedWithPermissionDeniedAndNothingIsLoaded() throws Exception {
        Path exports = Files.createDirectories(work.resolve("exports"));
        Path teams = Files.writeString(exports.resolve("teams.csv"), TEAMS, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(teams, PosixFilePermissions.fromString("---------"));
        Path data = work.resolve("data");

        Launcher.Result result = Launcher.run(work.resolve("unreadable"), withoutReadingOthersFiles(), "ingest",
                "--data-dir", data.toString(), exports.toString());

        assertThat(result.exitCode()).as(result.out()).isNotZero();
        assertThat(result.err()).contains(teams.toString()).contains("permission denied");
        if (Files.isDirectory(data.resolve("warehouse/curated/teams"))) {
            try (var files = Files.walk(data.resolve("warehouse/curated/teams"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".parquet"))).isEmpty();
            }
        }
    }

    @Test
    void aKillRightAfterCompletedWasPrintedLeavesTheExecutionCompleted() throws Exception {
        Path exports = Files.createDirectories(work.resolve("exports"));
        Files.writeString(exports.resolve("teams.csv"), TEAMS, StandardCharsets.UTF_8);
        Path data = work.resolve("data");
        Path logs = work.resolve("killed-after-completed");

        Process run = Launcher.start(logs, "ingest", "--data-dir", data.toString(), exports.toString());
        Pattern completed = Pattern.compile("execution (\\d+) of ingest COMPLETED");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(2))
                .until(() -> completed.matcher(Files.readString(logs.resolve("out.txt"))).find() || !run.isAlive());
        boolean killedAlive = run.isAlive();
        run.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
        run.waitFor(1, TimeUnit.MINUTES);
        Matcher execution = completed.matcher(Files.readString(logs.resolve("out.txt")));

        assertThat(execution.find()).as(Files.readString(logs.resolve("err.txt"))).isTrue();
        // the JVM usually still runs its shutdown here; when it had already exited, the kill proved nothing
        Assumptions.assumeTrue(killedAlive, "the run had exited before the kill");
        Launcher.Result jobs = Launcher.run(work.resolve("jobs"), "jobs", "--data-dir", data.toString());
        assertThat(jobs.exitCode()).as(jobs.err()).isZero();
        assertThat(jobs.out().lines().filter(line -> line.strip().startsWith(execution.group(1) + " ")))
                .singleElement().asString().contains("ingest").contains("COMPLETED").doesNotContain("STARTED");
    }

    /**
     * The launcher as a user who cannot read a mode-000 file. Tests often run as root, who reads
     * anything: then the launcher runs without the capabilities that let root do so
     * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), as an ordinary owner would be refused.
     */
    private static List<String> withoutReadingOthersFiles() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor(10, TimeUnit.SECONDS);
        if (!uid.equals("0")) {
            return List.of();
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "running as root without setpriv: a mode-000 file stays readable");
        return List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search");
    }
}
