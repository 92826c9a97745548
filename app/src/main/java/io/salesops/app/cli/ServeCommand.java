package io.salesops.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The long-running process: starts the Quartz scheduler, which launches jobs on their schedules. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduler until stopped (Ctrl-C or SIGTERM); schedules come from configuration.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (var context = ContextFactory.start(data, true, "spring.quartz.auto-startup=true")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                stopped.countDown();
            }, "salesops-shutdown"));
            spec.commandLine().getOut().println("salesops scheduler running on " + data.dataDir()
                    + "; logs in logs/salesops.log; stop with Ctrl-C");
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return 0;
    }
}
