package io.salesops.app.cli;

import io.salesops.jobs.runtime.ExecutionRestarter;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Recent job executions, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List recent job executions: id, job, parameters, status, start, duration.")
final class JobsCommand implements Callable<Integer> {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--limit", defaultValue = "20", description = "Executions to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        try (var context = ContextFactory.start(data, false)) {
            JobRepository repository = context.getBean(JobRepository.class);
            ExecutionRestarter restarter = context.getBean(ExecutionRestarter.class);
            List<JobExecution> executions = new ArrayList<>();
            for (String jobName : repository.getJobNames()) {
                for (JobInstance instance : repository.getJobInstances(jobName, 0, limit)) {
                    executions.addAll(repository.getJobExecutions(instance));
                }
            }
            executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-6s %-16s %-36s %-32s %-19s %9s%n", "ID", "JOB", "PARAMETERS", "STATUS", "START",
                    "DURATION");
            for (JobExecution execution : executions.stream().limit(limit).toList()) {
                out.printf("%-6d %-16s %-36s %-32s %-19s %9s%n", execution.getId(),
                        execution.getJobInstance().getJobName(),
                        ExecutionFormat.parameters(execution.getJobParameters()),
                        restarter.displayStatus(execution),
                        execution.getStartTime() == null ? "-" : START.format(execution.getStartTime()),
                        ExecutionFormat.duration(execution.getStartTime(), execution.getEndTime()));
            }
            if (executions.isEmpty()) {
                out.println("(no executions yet)");
            }
            out.flush();
            return 0;
        }
    }
}
