package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.warehouse.DataLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodFilesTest {

    @TempDir
    Path data;

    DataLayout layout() {
        return new DataLayout(data);
    }

    /** Run 7's payroll and two statements, put in place as the job does. */
    void publishRun(String runId, String... reps) throws Exception {
        PeriodFiles files = new PeriodFiles(layout(), "2026-10", runId);
        Files.writeString(files.stagePayroll().resolve(PayrollExport.fileName("2026-10", runId)), "payroll of " + runId);
        Path statements = files.stageStatements();
        for (String rep : reps) {
            Files.writeString(statements.resolve("statement-2026-10-" + rep + ".pdf"), rep + " of run " + runId);
        }
        files.publishPayroll(PayrollExport.fileName("2026-10", runId));
        files.publishStatements(Stream.of(reps).map(rep -> "statement-2026-10-" + rep + ".pdf").toList());
    }

    @Test
    void aPublishedRunReplacesThePreviousRunsFilesAndItsManifestVerifies() throws Exception {
        publishRun("6", "R1", "R2", "R3");

        publishRun("7", "R1", "R2");

        List<Path> folders = PeriodFiles.folders(layout(), "2026-10");
        assertThat(names(folders.get(0))).containsExactly("SHA256SUMS", "payroll-2026-10-run-7.csv");
        assertThat(names(folders.get(1))).containsExactly("SHA256SUMS", "statement-2026-10-R1.pdf",
                "statement-2026-10-R2.pdf");
        assertThat(folders.get(1).resolve("statement-2026-10-R1.pdf")).hasContent("R1 of run 7");
        assertThat(Files.readString(folders.get(0).resolve("SHA256SUMS"))).isEqualTo(
                sha256("payroll of 7") + "  payroll-2026-10-run-7.csv\n");
        assertThat(PeriodFiles.verify(layout(), "2026-10", "7")).isEmpty();
        try (Stream<Path> hidden = Files.list(data.resolve("exports/commissions"))) {
            assertThat(hidden.map(p -> p.getFileName().toString())).containsExactly("2026-10"); // no staging left
        }
    }

    @Test
    void aRunThatIsRefusedOrKilledBeforePublishingLeavesThePeriodsFoldersByteIdentical() throws Exception {
        publishRun("6", "R1");
        Map<String, String> before = hashes();

        // killed: staged, never published
        PeriodFiles killed = new PeriodFiles(layout(), "2026-10", "8");
        Files.writeString(killed.stagePayroll().resolve(PayrollExport.fileName("2026-10", "8")), "payroll of 8");
        Files.writeString(killed.stageStatements().resolve("statement-2026-10-R1.pdf"), "R1 of run 8");
        assertThat(periodFolders()).isEqualTo(before);
        // refused at publish: its staging is removed
        killed.discard();

        assertThat(periodFolders()).isEqualTo(before);
        assertThat(hashes()).isEqualTo(before);
        assertThat(PeriodFiles.verify(layout(), "2026-10", "6")).isEmpty();
    }

    @Test
    void closingThePeriodRemovesWhatItsKilledRunsStagedAndNothingOfAnotherPeriod() throws Exception {
        publishRun("6", "R1");
        Map<String, String> before = hashes();
        for (String run : List.of("8", "9")) {
            PeriodFiles killed = new PeriodFiles(layout(), "2026-10", run);
            Files.writeString(killed.stagePayroll().resolve(PayrollExport.fileName("2026-10", run)), "payroll of " + run);
            Files.writeString(killed.stageStatements().resolve("statement-2026-10-R1.pdf"), "R1 of run " + run);
        }
        PeriodFiles november = new PeriodFiles(layout(), "2026-11", "10");
        Files.writeString(november.stagePayroll().resolve(PayrollExport.fileName("2026-11", "10")), "payroll of 10");

        io.salesops.jobs.commission.ledger.PeriodFolders.discardStaged(layout(), "2026-10");

        Map<String, String> after = hashes();
        assertThat(after.remove("exports/commissions/.staging-2026-11-run-10/payroll-2026-11-run-10.csv"))
                .isEqualTo(sha256("payroll of 10"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void verifyNamesAChangedAnAddedAndAMissingFileAndTheWrongRun() throws Exception {
        publishRun("6", "R1", "R2");
        List<Path> folders = PeriodFiles.folders(layout(), "2026-10");
        Files.writeString(folders.get(1).resolve("statement-2026-10-R1.pdf"), "edited");
        Files.writeString(folders.get(0).resolve("payroll-2026-10-run-3.csv"), "a stale run's payroll");
        Files.delete(folders.get(1).resolve("statement-2026-10-R2.pdf"));

        assertThat(PeriodFiles.verify(layout(), "2026-10", "6")).containsExactly(
                folders.get(0).resolve("payroll-2026-10-run-3.csv") + ": not written by the period's run",
                folders.get(1).resolve("statement-2026-10-R1.pdf") + ": changed since the run wrote it (SHA-256 differs)",
                folders.get(1).resolve("statement-2026-10-R2.pdf") + ": listed in SHA256SUMS but missing");
        assertThat(PeriodFiles.verify(layout(), "2026-10", "9")).first().asString()
                .endsWith("payroll-2026-10-run-9.csv: the payroll file of run 9, the period's current run, is missing");
    }

    private Map<String, String> periodFolders() throws Exception {
        Map<String, String> all = hashes();
        all.keySet().removeIf(name -> name.contains(".staging-"));
        return all;
    }

    private Map<String, String> hashes() throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(data.relativize(file).toString(), sha256(Files.readString(file)));
            }
        }
        return hashes;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }
}
