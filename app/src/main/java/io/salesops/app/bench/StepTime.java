package io.salesops.app.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * How long one step of a benchmarked job took, so the benchmark's output says where the time went
 * (a partitioned step counts once: its partitions are summed up by their manager step).
 */
public record StepTime(String step, double seconds) {

    /** The job's steps in the order they started, partitions left out. */
    static List<StepTime> of(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> !step.getStepName().contains(":"))
                .filter(step -> step.getStartTime() != null && step.getEndTime() != null)
                .sorted(Comparator.comparing(StepExecution::getStartTime))
                .map(step -> new StepTime(step.getStepName(),
                        Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0))
                .toList();
    }

    /** E.g. {@code planIngest 2.8 s, ingestFiles 42.7 s}. */
    public static String describe(List<StepTime> steps) {
        return String.join(", ", steps.stream()
                .map(s -> String.format(java.util.Locale.ROOT, "%s %.1f s", s.step(), s.seconds())).toList());
    }
}
