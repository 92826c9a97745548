package io.salesops.app;

import io.salesops.schedules.SchedulesConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Spring context behind the CLI: the jobs module's configurations (found by scanning
 * {@code io.salesops.jobs}, one per capability) and the schedules, imported by name.
 */
@SpringBootApplication(scanBasePackages = "io.salesops.jobs")
@Import(SchedulesConfiguration.class)
public class SalesOpsApplication {
}
