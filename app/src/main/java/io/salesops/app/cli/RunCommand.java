package io.salesops.app.cli;

import io.salesops.jobs.commission.run.CommissionsJobConfiguration;
import io.salesops.jobs.commission.run.LaterPeriods;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.runtime.AsOfParameter;
import io.salesops.jobs.runtime.HorizonParameter;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.schedules.PeriodRule;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
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

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Period for period jobs (default: the last complete month, the one before this month"
                    + " in salesops.time-zone).")
    YearMonth period;

    @Option(names = "--as-of", paramLabel = "TABLE=VERSION",
            description = "Read TABLE at VERSION instead of its current version (repeatable; "
                    + "`salesops warehouse history TABLE` lists the versions).")
    List<String> asOf = new ArrayList<>();

    @Option(names = "--horizon", paramLabel = "MONTHS",
            description = "forecast: months to forecast after the period, 1 to 24 (default: salesops.forecast.horizon, 3).")
    Integer horizon;

    @Option(names = "--and-later",
            description = "commissions: then calculate again, month by month, the later open periods this run made"
                    + " out of date (those that read its results, then those that read theirs); not with --as-of.")
    boolean andLater;

    @Override
    public Integer call() throws Exception {
        try (var context = ContextFactory.start(data, false)) {
            var job = JobRunner.job(context, jobName);
            JobParametersBuilder parameters = new JobParametersBuilder().addLong("run", System.currentTimeMillis());
            YearMonth month = null;
            if (JobParameterRules.takes(job, PeriodParameter.class)) {
                month = period != null ? period : defaultPeriod(context);
                PeriodParameter.add(parameters, month);
            } else if (period != null) {
                throw new CliException("job " + jobName + " takes no period");
            }
            if (!asOf.isEmpty()) {
                if (!JobParameterRules.takes(job, AsOfParameter.class)) {
                    throw new CliException("job " + jobName + " takes no --as-of");
                }
                parameters.addString(AsOfParameter.NAME, String.join(",", asOf));
            }
            if (horizon != null) {
                if (!JobParameterRules.takes(job, HorizonParameter.class)) {
                    throw new CliException("job " + jobName + " takes no --horizon");
                }
                if (horizon < 1 || horizon > HorizonParameter.MAX) {
                    throw new CliException("--horizon must be from 1 to " + HorizonParameter.MAX + " months, cannot be "
                            + horizon);
                }
                HorizonParameter.add(parameters, horizon);
            }
            boolean commissions = jobName.equals(CommissionsJobConfiguration.JOB_NAME);
            if (andLater && !commissions) {
                throw new CliException("--and-later is for the " + CommissionsJobConfiguration.JOB_NAME + " job");
            }
            if (andLater && !asOf.isEmpty()) {
                // versions pinned for one month would change the figures of every later one
                throw new CliException("--and-later cannot be combined with --as-of; run the later periods one by one");
            }
            PrintWriter out = spec.commandLine().getOut();
            int exit = JobRunner.launch(context, jobName, parameters.toJobParameters(), out);
            if (commissions) {
                LaterPeriods later = context.getBean(LaterPeriods.class);
                if (andLater) {
                    later.recalculate(month, say(out), next -> JobRunner.launch(context, jobName, run(next), out));
                } else {
                    later.outOfDateNotes(month).forEach(say(out));
                }
            }
            return exit;
        }
    }

    /** The one rule for a period not given: the last complete month on the business calendar. */
    static YearMonth defaultPeriod(ApplicationContext context) {
        return PeriodRule.lastCompleteMonth(Clock.system(context.getBean(SalesOpsProperties.class).zone()));
    }

    private static JobParameters run(YearMonth period) {
        return PeriodParameter.add(new JobParametersBuilder().addLong("run", System.currentTimeMillis()), period)
                .toJobParameters();
    }

    private static java.util.function.Consumer<String> say(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }
}
