package io.salesops.app.cli;

import io.salesops.ingest.sample.GenerationReport;
import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.ingest.sample.SampleDataGenerator;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes realistic sample exports (CRM, ERP, marketing, sales org) of a fictional chemicals supplier. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate deterministic sample exports of a fictional Chinese chemicals supplier.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the exports to.")
    Path out;

    @Option(names = "--scale", defaultValue = "0.01",
            description = "1 = about 100k accounts, 1M opportunities, 5M activities (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same files.")
    long seed;

    @Option(names = "--months", defaultValue = "36", description = "Months of history (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--end-month", paramLabel = "YYYY-MM",
            description = "Last month with data (default: the previous calendar month).")
    YearMonth endMonth;

    @Override
    public Integer call() throws Exception {
        GeneratorSettings settings = new GeneratorSettings(scale, seed, months,
                endMonth == null ? YearMonth.now().minusMonths(1) : endMonth);
        GenerationReport report = generate(settings, out);
        spec.commandLine().getOut().printf("wrote %d files, %,d rows, to %s%n", report.files().size(),
                report.files().stream().mapToLong(f -> f.rows()).sum(), out.toAbsolutePath());
        return 0;
    }

    static GenerationReport generate(GeneratorSettings settings, Path out) throws java.io.IOException {
        return new SampleDataGenerator().generate(settings, out);
    }
}
