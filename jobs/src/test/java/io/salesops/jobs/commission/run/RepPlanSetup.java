package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** What the job tests that try one plan on the reps share: the set-up and the check that a job completed. */
final class RepPlanSetup {

    private RepPlanSetup() {
    }

    /**
     * The example set-up in {@code dataDir/commissions}, with {@code planYaml} (plan id {@code planId})
     * assigned to every rep; managers and directors keep the example plans.
     */
    static void assignToReps(Path dataDir, String planId, String planYaml) throws IOException {
        Path setup = dataDir.resolve("commissions");
        ExampleSetup.copyIfMissing(setup);
        Files.writeString(setup.resolve("plans/" + planId + ".yaml"), planYaml);
        Files.writeString(setup.resolve("assignments.csv"), """
                assignee,plan_id,effective_from,effective_to
                role:rep,%s,2020-01-01,
                role:manager,sales-manager,2020-01-01,
                role:director,sales-director,2020-01-01,
                """.formatted(planId));
    }

    static void succeeds(JobExecution execution) {
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
    }
}
