package io.salesops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDataDirectoryIsOneLineWithANonZeroExit() {
        Captured result = execute("query", "--data-dir", dir.resolve("nowhere").toString(), "select 1");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("salesops query: no data directory at " + dir.resolve("nowhere")
                + "; run `salesops demo` first or pass --data-dir");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"generate", "demo", "ingest", "run", "query", "jobs", "restart", "serve",
                "warehouse"}) {
            Captured result = execute(command, "--help");
            assertThat(result.exit()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: salesops " + command);
        }
    }

    @Test
    void runHelpNamesEveryJob() {
        Captured result = execute("run", "--help");

        // picocli wraps the description at 80 columns
        assertThat(result.out().replaceAll("\\s+", " "))
                .contains("The job: commissions, forecast, funnels, ingest, monthEndClose.");
    }

    @Test
    void anUnknownTableInHistoryNamesTheKnownOnes() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));

        Captured result = execute("warehouse", "history", "--data-dir", dir.resolve("data").toString(), "deals");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("salesops history: unknown table deals; known tables: territories, teams,");
    }

    @Test
    void aPeriodThatIsNotAMonthIsAOneLineUsageError() throws Exception {
        Captured result = execute("commissions", "approve", "--period", "2026-7");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("salesops commissions approve: Invalid value for option"
                + " '--period': a period is a month written YYYY-MM, cannot be: '2026-7'"
                + " (see `salesops commissions approve --help`)");
    }

    @Test
    void formulaLookingCsvCellsComeOutInert() {
        assertThat(ResultPrinter.inert("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ResultPrinter.inert("+cmd")).isEqualTo("'+cmd");
        assertThat(ResultPrinter.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ResultPrinter.inert("-12.50")).isEqualTo("-12.50");
        assertThat(ResultPrinter.inert("华东")).isEqualTo("华东");
    }

    @Test
    void tableWidthsCountChineseCharactersTwice() {
        assertThat(ResultPrinter.width("华东区")).isEqualTo(6);
        assertThat(ResultPrinter.width("R001")).isEqualTo(4);
    }

    @Test
    void aFolderWithoutExportsAndAFolderNamedLikeAnExportAreRefusedBeforeAnythingRuns() throws Exception {
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
        java.nio.file.Files.writeString(empty.resolve("notes.txt"), "not an export");
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("exports/orders.csv"));

        Captured none = execute("ingest", "--data-dir", dir.resolve("data").toString(), empty.toString());
        Captured named = execute("ingest", "--data-dir", dir.resolve("data").toString(), folder.toString());

        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err().strip()).isEqualTo("salesops ingest: " + empty
                + " holds no export: no .csv file in it or its sub-folders");
        assertThat(named.exit()).isEqualTo(1);
        assertThat(named.err().strip()).isEqualTo("salesops ingest: " + folder
                + " holds no export: no .csv file in it or its sub-folders (it is a folder, not a file)");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aLinkOutOfItsFolderIsRefusedBeforeReadingAndItsContentIsNeverPrinted() throws Exception {
        Path exports = java.nio.file.Files.createDirectories(dir.resolve("exports"));
        Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        java.nio.file.Files.createSymbolicLink(exports.resolve("orders.csv"), secret);

        Captured result = execute("ingest", "--data-dir", dir.resolve("data").toString(), exports.toString());

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("orders.csv: a link to a file outside its folder")
                .doesNotContain("root:x");
        assertThat(result.out()).doesNotContain("root:x");
        try (var landed = java.nio.file.Files.walk(dir.resolve("data"))) {
            assertThat(landed.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> p.toString().contains("/warehouse/landing/"))).isEmpty();
        }
    }

    @Test
    void restartingAnExecutionThatDoesNotExistSaysSo() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));

        Captured result = execute("restart", "--data-dir", dir.resolve("data").toString(), "99999");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("salesops restart: there is no execution 99999;"
                + " `salesops jobs` lists them");
    }

    record Captured(int exit, String out, String err) {
    }

    private static Captured execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SalesOpsCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Captured(exit, out.toString(), err.toString());
    }
}
