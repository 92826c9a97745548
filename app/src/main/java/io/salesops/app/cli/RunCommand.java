package io.salesops.app.cli;

import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.PeriodStatus;
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
import org.springframework.batch.core.job.parameters.JobParameters;
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

    @Parameters(index = "0", paramLabel = "JOB", completionCandidates = KnownJobs.class,
            description = "The job: ${COMPLETION-CANDIDATES}.")
    String jobName;

    @Option(names = "--period", paramLabel = "YYYY-MM",
            description = "Period for period jobs (default: the last complete month in the data).")
    String period;

    @Option(names = "--as-of", paramLabel = "TABLE=VERSION",
            description = "Read TABLE at VERSION instead of its current version (repeatable; "
                    + "`salesops warehouse history TABLE` lists the versions).")
    List<String> asOf = new ArrayList<>();

    @Option(names = "--and-later",
            description = "commissions: then calculate again, month by month, the later open periods this run made"
                    + " out of date (those that read its results, then those that read theirs); not with --as-of.")
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
            if (andLater && !asOf.isEmpty()) {
                // versions pinned for one month would change the figures of every later one
                throw new CliException("--and-later cannot be combined with --as-of; run the later periods one by one");
            }
            int exit = JobRunner.launch(context, jobName, parameters.toJobParameters(), spec.commandLine().getOut());
            if (!commissions) {
                return exit;
            }
            String calculated = parameters.toJobParameters().getString("period");
            CommissionPeriods periods = context.getBean(CommissionPeriods.class);
            if (andLater) {
                periods.recalculateLater(calculated, later -> recalculate(context, periods, later));
            } else {
                warnOutOfDate(periods, calculated);
            }
            return exit;
        }
    }

    /**
     * Runs the commissions job again for a later period, saying when that withdraws an approval;
     * a failure stops the walk, and what is still out of date is named before the error.
     */
    private void recalculate(ApplicationContext context, CommissionPeriods periods, String period) {
        var out = spec.commandLine().getOut();
        String approval = periods.current(period).filter(e -> e.status() == PeriodStatus.APPROVED)
                .map(e -> "; its approval by " + e.actor() + " is withdrawn and it must be approved again")
                .orElse("");
        out.println("commission period " + period + " is out of date: calculating it again" + approval);
        out.flush();
        JobParameters parameters = new JobParametersBuilder().addLong("run", System.currentTimeMillis())
                .addString("period", period).toJobParameters();
        try {
            JobRunner.launch(context, jobName, parameters, out);
        } catch (Exception e) {
            warnOutOfDate(periods, period);
            throw e instanceof RuntimeException unchecked ? unchecked
                    : new IllegalStateException("commission period " + period + ": " + e.getMessage(), e);
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
