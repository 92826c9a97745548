package io.salesops.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context behind the CLI: jobs, warehouse, schedules, all from {@code io.salesops}. */
@SpringBootApplication(scanBasePackages = "io.salesops")
public class SalesOpsApplication {
}
