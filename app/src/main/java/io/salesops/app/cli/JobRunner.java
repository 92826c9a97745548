package io.salesops.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

/** Launches jobs for the CLI and turns their outcome into output and an exit code. */
final class JobRunner {

    private JobRunner() {
    }

    static Map<String, Job> jobs(ApplicationContext context) {
        return context.getBeansOfType(Job.class).values().stream()
                .collect(Collectors.toMap(Job::getName, job -> job, (a, b) -> a, java.util.TreeMap::new));
    }

    static Job job(ApplicationContext context, String name) {
        Map<String, Job> jobs = jobs(context);
        Job job = jobs.get(name);
        if (job == null) {
            throw new CliException("unknown job " + name + "; known jobs: " + String.join(", ", jobs.keySet()));
        }
        return job;
    }

    static int launch(ApplicationContext context, String jobName, JobParameters parameters, PrintWriter out)
            throws Exception {
        Job job = job(context, jobName);
        out.println("running " + jobName + " " + ExecutionFormat.parameters(parameters));
        out.flush();
        JobExecution execution = context.getBean(JobOperator.class).start(job, parameters);
        return report(execution, out);
    }

    /** Prints the steps and the outcome; a failure becomes a CliException naming the step and the cause. */
    static int report(JobExecution execution, PrintWriter out) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().contains(":")) {
                continue; // a partition of a partitioned step: its manager step sums it up
            }
            out.printf("  %-30s %-10s %8s  %s%n", step.getStepName(), step.getStatus(),
                    ExecutionFormat.duration(step.getStartTime(), step.getEndTime()), stepSummary(step));
        }
        String what = "execution " + execution.getId() + " of " + execution.getJobInstance().getJobName();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println(what + " COMPLETED in " + ExecutionFormat.duration(execution.getStartTime(),
                    execution.getEndTime()));
            out.flush();
            return 0;
        }
        out.flush();
        String failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED).map(StepExecution::getStepName).findFirst()
                .orElse("(no step)");
        String cause = execution.getAllFailureExceptions().stream().findFirst()
                .map(FailureMessages::describe).orElse(execution.getExitStatus().getExitDescription());
        throw new CliException(what + " " + execution.getStatus() + " in step " + failedStep + ": " + cause
                + "; fix the cause, then `salesops restart " + execution.getId() + "`");
    }

    private static String stepSummary(StepExecution step) {
        var context = step.getExecutionContext();
        if (context.containsKey("rows.read")) {
            return String.format("%,d files, %,d rows read, %,d accepted, %,d rejected; %,d files already loaded;"
                            + " %,d references to missing rows", context.getLong("files"), context.getLong("rows.read"),
                    context.getLong("rows.accepted"), context.getLong("rows.rejected"),
                    context.getLong("files.skipped", 0L), context.getLong("references.violations", 0L))
                    + (context.getString("merges", "").isEmpty() ? "" : "; incremental " + context.getString("merges"));
        }
        if (context.containsKey("files.skipped")) {
            return String.format("%,d files to load, %,d already loaded", context.getLong("files"),
                    context.getLong("files.skipped"));
        }
        if (context.containsKey("report")) {
            return context.getString("report");
        }
        return String.format("%,d written", step.getWriteCount());
    }

}
