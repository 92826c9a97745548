package io.salesops.app.cli;

import io.salesops.jobs.runtime.ExecutionRestarter;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Resumes a failed or killed execution from its first incomplete step. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a FAILED or interrupted execution (also one left STARTED by a killed process).")
final class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Execution id from `salesops jobs`.")
    long executionId;

    @Override
    public Integer call() throws Exception {
        try (var context = ContextFactory.start(data, false)) {
            JobExecution restarted;
            try {
                restarted = context.getBean(ExecutionRestarter.class).restart(executionId);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CliException(e.getMessage());
            }
            spec.commandLine().getOut().println("restarted execution " + executionId + " as execution "
                    + restarted.getId());
            return JobRunner.report(restarted, spec.commandLine().getOut());
        }
    }
}
