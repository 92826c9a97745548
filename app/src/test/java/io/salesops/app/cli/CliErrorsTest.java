package io.salesops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
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
    void anUnknownTableInHistoryNamesTheKnownOnes() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));

        Captured result = execute("warehouse", "history", "--data-dir", dir.resolve("data").toString(), "deals");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("salesops history: unknown table deals; known tables: territories, teams,");
    }

    @Test
    void aMonthStillRunningIsNotComplete() {
        assertThat(PeriodDefaults.lastCompleteMonth(LocalDate.of(2026, 11, 20), YearMonth.of(2026, 11)))
                .isEqualTo(YearMonth.of(2026, 10));
        assertThat(PeriodDefaults.lastCompleteMonth(LocalDate.of(2026, 10, 30), YearMonth.of(2026, 11)))
                .isEqualTo(YearMonth.of(2026, 10));
        assertThat(PeriodDefaults.lastCompleteMonth(LocalDate.of(2025, 6, 3), YearMonth.of(2026, 11)))
                .isEqualTo(YearMonth.of(2025, 6));
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
