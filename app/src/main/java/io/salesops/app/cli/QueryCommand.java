package io.salesops.app.cli;

import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.analyst.QueryResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Read-only SQL on analyst.duckdb; no Spring, no Spark, so it answers in a fraction of a second. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run one read-only SQL statement against analyst.duckdb.")
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-rows", defaultValue = "1000", description = "Rows to print at most (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Parameters(index = "0", paramLabel = "SQL", description = "A SELECT (or WITH, DESCRIBE, SHOW, ...) statement.")
    String sql;

    @Override
    public Integer call() {
        QueryResult result;
        try {
            result = new AnalystDatabase(data.existingDataDir()).query(sql, maxRows);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            ResultPrinter.csv(result, out);
        } else {
            ResultPrinter.table(result, out);
        }
        out.flush();
        return 0;
    }
}
