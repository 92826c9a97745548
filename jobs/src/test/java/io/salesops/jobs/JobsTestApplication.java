package io.salesops.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The jobs module's Spring context in tests: its jobs, the infrastructure beans, batch auto-configuration. */
@SpringBootApplication(scanBasePackages = "io.salesops.jobs")
public class JobsTestApplication {
}
