package io.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.store.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A file above the reject threshold, through the real ingest job: the failure names, per rule and
 * column, how many records broke it with examples and their lines, and the query that lists them
 * all; the records are in ingest_rejects under the failed batch; nothing of the file is published
 * and what was loaded before stays.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class FailedFileRejectsJobTest {

    static final Path dataDir = JobTestDataDir.create("salesops-failed-rejects-");

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier(IngestJobConfiguration.JOB_NAME)
    Job ingest;
    @Autowired
    Warehouse warehouse;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @Test
    void aFileAboveTheThresholdSaysWhichColumnsAndValuesFailedAndKeepsItsRejectedRecords() throws Exception {
        // given: teams loaded, then a reps export with three unknown roles and an impossible date in five records
        Path teams = write("exports/teams.csv", "team_id,team_name,manager_id,region\nTEAM-1,华东一部,E1,华东\n");
        assertThat(run(teams).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path reps = write("exports/reps.csv", "rep_id,rep_name,rep_name_en,email,role,manager_id,team_id,territory_id,"
                + "hire_date,termination_date\n"
                + "E1,李伟,Wei Li,w@x.cn,manager,,TEAM-1,,2012-12-24,\n"
                + "E2,彭浩,Hao Peng,h@x.cn,salesman,E1,TEAM-1,,2014-06-12,\n"
                + "E3,王芳,Fang Wang,f@x.cn,salesman,E1,TEAM-1,,2015-01-05,\n"
                + "E4,赵强,Qiang Zhao,q@x.cn,intern,E1,TEAM-1,,2016-03-01,\n"
                + "E5,孙丽,Li Sun,l@x.cn,rep,E1,TEAM-1,,2020-13-45,\n");

        // when
        JobExecution failed = run(reps);

        // then: the message a user acts on
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String message = failed.getAllFailureExceptions().stream().map(Throwable::getMessage)
                .collect(Collectors.joining("\n"));
        assertThat(message).contains("exports/reps.csv: 4 of 5 records rejected (80.0%), above the 5.0% threshold;"
                + " by rule allowed_values on role: 3 (exports/reps.csv line 3, column role: ", "; exports/reps.csv line 4,",
                        "; exports/reps.csv line 5,")
                .contains("salesman", "intern")
                .containsPattern("date on hire_date: 1 \\(exports/reps.csv line 6, [^)]*2020-13-45")
                .contains("nothing of this file was published; every rejected record: salesops query \"select line,"
                        + " column_name, rule, message from ingest_rejects where batch_id = '");
        // and the records, in ingest_rejects under the failed batch; reps not published, teams kept
        String batch = message.replaceAll("(?s).*where batch_id = '([^']+)'.*", "$1");
        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        assertThat(analyst.query("select line, column_name, rule from ingest_rejects where batch_id = '" + batch
                + "' and source_file = 'exports/reps.csv' order by line", 10).rows()).containsExactly(
                List.of("3", "role", "allowed_values"), List.of("4", "role", "allowed_values"),
                List.of("5", "role", "allowed_values"), List.of("6", "hire_date", "date"));
        assertThat(analyst.query("select count(*) from ingest_files where batch_id = '" + batch + "'", 1).rows())
                .containsExactly(List.of("0"));
        assertThat(warehouse.current(CanonicalTables.REPS)).isEmpty();
        assertThat(warehouse.requireCurrent(CanonicalTables.TEAMS).rowCount()).isEqualTo(1);
    }

    private JobExecution run(Path export) throws Exception {
        return jobOperator.start(ingest, new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("exports", export.toString()).toJobParameters());
    }

    private static Path write(String name, String content) throws Exception {
        Path file = dataDir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
