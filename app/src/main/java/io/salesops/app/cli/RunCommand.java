package io.salesops.app.cli;

import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.run.CommissionsJobConfiguration;
import io.salesops.jobs.runtime.AsOfParameter;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.Warehouse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs one job by name; every run is a new execution, so a period can be run again. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a job, e.g. monthEndClose.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name (monthEndClose, ingest).")
    String jobName;

    @Option(names = "--period", paramLabel = "YYYY-MM",
            description = "Period for period jobs (default: the last complete month in the data).")
    String period;

    @Option(names = "--as-of", paramLabel = "TABLE=VERSION",
            description = "Read TABLE at VERSION instead of its current version (repeatable; "
                    + "`salesops warehouse history TABLE` lists the versions).")
    List<String> asOf = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (var context = ContextFactory.start(data, false)) {
            var job = JobRunner.job(context, jobName);
            JobParametersBuilder parameters = new JobParametersBuilder().addLong("run", System.currentTimeMillis());
            if (JobParameterRules.takes(job, PeriodParameter.class)) {
                parameters.addString("period", period != null ? period : PeriodDefaults.lastCompleteMonth(
                        context.getBean(Warehouse.class), context.getBean(DataLayout.class),
                        Clock.systemDefaultZone()).toString());
            } else if (period != null) {
                throw new CliException("job " + jobName + " takes no period");
            }
            if (!asOf.isEmpty()) {
                if (!JobParameterRules.takes(job, AsOfParameter.class)) {
                    throw new CliException("job " + jobName + " takes no --as-of");
                }
                parameters.addString(AsOfParameter.NAME, String.join(",", asOf));
            }
            int exit = JobRunner.launch(context, jobName, parameters.toJobParameters(), spec.commandLine().getOut());
            if (exit == 0 && jobName.equals(CommissionsJobConfiguration.JOB_NAME)) {
                warnOutOfDate(context.getBean(CommissionPeriods.class),
                        parameters.toJobParameters().getString("period"));
            }
            return exit;
        }
    }

    /** Later periods that read the one just calculated and must now be calculated again. */
    private void warnOutOfDate(CommissionPeriods periods, String calculated) {
        var out = spec.commandLine().getOut();
        for (String later : periods.outOfDateAfter(calculated)) {
            out.println("note: commission period " + later + " read " + calculated + "'s earlier results and is out of"
                    + " date now; run `salesops run commissions --period " + later + "` again before approving it");
        }
        out.flush();
    }
}
