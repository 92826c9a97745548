package io.salesops.app.cli;

import io.salesops.app.context.AppContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context for a command, with terminal progress when a person is watching. */
final class ContextFactory {
    private ContextFactory() {
    }

    static ConfigurableApplicationContext start(DataDirOption data, boolean create, String... properties)
            throws java.io.IOException {
        var dir = create ? data.dataDir() : data.existingDataDir();
        ConfigurableApplicationContext context = AppContext.start(dir, properties);
        context.getBeanFactory().registerSingleton("consoleProgress", ConsoleProgress.forTerminal());
        return context;
    }

}
