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
import org.springframework.context.ApplicationContext;
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

    @Option(names = "--and-later",
            description = "commissions: then calculate again, month by month, every later open period that read"
                    + " this one's earlier results (the month after, the rest of its year) and is out of date now.")
    boolean andLater;

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
            boolean commissions = jobName.equals(CommissionsJobConfiguration.JOB_NAME);
            if (andLater && !commissions) {
                throw new CliException("--and-later is for the " + CommissionsJobConfiguration.JOB_NAME + " job");
            }
            int exit = JobRunner.launch(context, jobName, parameters.toJobParameters(), spec.commandLine().getOut());
            String calculated = parameters.toJobParameters().getString("period");
            if (exit != 0 || !commissions) {
                return exit;
            }
            CommissionPeriods periods = context.getBean(CommissionPeriods.class);
            if (andLater) {
                periods.recalculateLater(calculated, later -> recalculate(context, later, parameters));
            } else {
                warnOutOfDate(periods, calculated);
            }
            return exit;
        }
    }

    /** Runs the commissions job again for a later period, with this run's --as-of; a failure stops the walk. */
    private void recalculate(ApplicationContext context, String period, JobParametersBuilder first) {
        var out = spec.commandLine().getOut();
        out.println("commission period " + period + " is out of date: calculating it again");
        out.flush();
        JobParametersBuilder parameters = new JobParametersBuilder(first.toJobParameters())
                .addLong("run", System.currentTimeMillis()).addString("period", period);
        int exit;
        try {
            exit = JobRunner.launch(context, jobName, parameters.toJobParameters(), out);
        } catch (Exception e) {
            throw new IllegalStateException("commission period " + period + ": " + e.getMessage(), e);
        }
        if (exit != 0) {
            throw new CliException("commission period " + period + " could not be calculated again; it and the"
                    + " periods after it that read it stay out of date");
        }
    }

    /** Later periods that read the one just calculated and must now be calculated again. */
    private void warnOutOfDate(CommissionPeriods periods, String calculated) {
        var out = spec.commandLine().getOut();
        for (String later : periods.outOfDateAfter(calculated)) {
            out.println("note: commission period " + later + " read " + calculated + "'s earlier results and is out of"
                    + " date now; run `salesops run commissions --period " + later + "` again before approving it"
                    + " (--and-later does that for every such period)");
        }
        out.flush();
    }
}
