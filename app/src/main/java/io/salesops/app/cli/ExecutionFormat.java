package io.salesops.app.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/** How executions and their parameters are written on the terminal. */
final class ExecutionFormat {
    private ExecutionFormat() {
    }

    static String parameters(JobParameters parameters) {
        return parameters.parameters().stream()
                .sorted(Comparator.comparing(JobParameter::name))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining(" "));
    }

    static Duration between(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        Duration d = between(start, end);
        return d.toMinutes() > 0 ? String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart())
                : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
