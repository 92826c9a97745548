package io.salesops.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/salesops}. */
@Command(name = "salesops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Batch analytics and commissions for B2B sales: exports in, Parquet warehouse, Spark jobs,"
                + " PDF reports, DuckDB for analysts.",
        subcommands = {GenerateCommand.class, DemoCommand.class, IngestCommand.class, RunCommand.class,
                QueryCommand.class, JobsCommand.class, RestartCommand.class, ServeCommand.class,
                WarehouseCommand.class, CommissionsCommand.class, BenchCommand.class})
public final class SalesOpsCli {

    public static void main(String[] args) {
        int exit;
        try {
            exit = execute(args);
        } catch (Throwable fatal) {
            // Errors (out of memory, a broken class path) escape picocli's handler; still one line.
            System.err.println("salesops: " + FailureMessages.describe(fatal) + " (" + fatal.getClass().getName() + ")");
            exit = 2;
        }
        System.exit(exit);
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SalesOpsCli());
        commandLine.setExecutionExceptionHandler(SalesOpsCli::reportFailure);
        commandLine.setParameterExceptionHandler(SalesOpsCli::reportUsageError);
        return commandLine;
    }

    /**
     * A value the command cannot take (e.g. {@code --period 2026-13}) or an option it does not know:
     * one line naming it and where to read the usage, exit code 2, as for any usage error.
     */
    private static int reportUsageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName(" ");
        err.println(name + ": " + exception.getMessage() + " (see `" + name + " --help`)");
        err.flush();
        return 2;
    }

    /**
     * One line on stderr saying what went wrong. Job failures are logged with their stack trace in
     * logs/salesops.log by Spring Batch; failures before a context starts are the user's input.
     */
    private static int reportFailure(Exception exception, CommandLine commandLine,
                                     CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("salesops " + commandLine.getCommandName() + ": " + FailureMessages.describe(exception));
        err.flush();
        return 1;
    }
}
