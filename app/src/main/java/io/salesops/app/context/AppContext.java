package io.salesops.app.context;

import io.salesops.app.SalesOpsApplication;
import io.salesops.warehouse.files.OwnerOnly;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context for one CLI command, pointed at one data directory. Spring profiles
 * (e.g. postgres) come from SPRING_PROFILES_ACTIVE, which Spring Boot reads itself.
 */
public final class AppContext {

    private AppContext() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String... properties)
            throws java.io.IOException {
        // owner-only when SalesOps creates it; a directory the user made keeps the mode they gave it
        OwnerOnly.createDirectories(dataDir.resolve("logs"));
        // Passed as command-line arguments: those outrank application.yml, default properties do not.
        List<String> arguments = new ArrayList<>();
        arguments.add("--salesops.data-dir=" + dataDir.toAbsolutePath().normalize());
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(SalesOpsApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }
}
