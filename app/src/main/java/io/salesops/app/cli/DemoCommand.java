package io.salesops.app.cli;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.commission.run.CommissionsJobConfiguration;
import io.salesops.jobs.commission.run.ExampleSetup;
import io.salesops.jobs.config.CommissionProperties;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.monthend.MonthEndCloseJobConfiguration;
import io.salesops.warehouse.DataLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline on sample data: generate exports if there are none, run monthEndClose, then
 * the month's commissions (with the example commission set-up when the data directory has none).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample exports (when the data directory has none), run the month-end close and"
                + " the month's commissions.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--scale", defaultValue = "0.01", description = "Sample data scale (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Sample data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Month to close (default: the last complete month, the one before this month in"
                    + " salesops.time-zone); generated sample exports end with it.")
    YearMonth period;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        DataLayout layout = new DataLayout(data.dataDir());
        try (var context = ContextFactory.start(data, true)) {
            YearMonth month = period != null ? period : RunCommand.defaultPeriod(context);
            if (!hasExports(layout.landing())) {
                GeneratorSettings settings = new GeneratorSettings(scale, seed, 36, month);
                out.printf("generating sample exports (scale %s, seed %d) into %s%n", scale, seed, layout.landing());
                out.flush();
                GenerateCommand.generate(settings, layout.landing());
            }
            int exit = JobRunner.launch(context, MonthEndCloseJobConfiguration.JOB_NAME, run(month), out);
            if (exit != 0) {
                return exit;
            }
            Path setup = context.getBean(CommissionProperties.class)
                    .setupDir(context.getBean(SalesOpsProperties.class).dataDir());
            if (ExampleSetup.copyIfMissing(setup)) {
                out.println("commission set-up: copied the example plans and assignments to " + setup);
            }
            exit = JobRunner.launch(context, CommissionsJobConfiguration.JOB_NAME, run(month), out);
            out.println("report:   " + layout.reports().resolve("territory-summary-" + month + ".pdf"));
            out.println("payroll:  " + layout.exports().resolve("commissions").resolve(month.toString()));
            out.println("analysts: " + layout.root().resolve("analyst.duckdb") + " (try: salesops query \"select *"
                    + " from territory_performance where period = '" + month + "'\")");
            return exit;
        }
    }

    private static org.springframework.batch.core.job.parameters.JobParameters run(YearMonth month) {
        return PeriodParameter.add(new JobParametersBuilder().addLong("run", System.currentTimeMillis()), month)
                .toJobParameters();
    }

    private static boolean hasExports(Path landing) {
        return Files.isDirectory(landing) && !LandingIngest.exportFiles(landing).isEmpty();
    }


}
