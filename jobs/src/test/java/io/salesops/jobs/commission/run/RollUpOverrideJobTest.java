package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.warehouse.analyst.AnalystDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A director's override that rolls up two levels through the real job: it pays on the credits of
 * the managers reporting to the director and of the reps reporting to those managers, on each
 * credit's date. Who that is, is worked out here in SQL from the curated reps (the set-up keeps no
 * reporting lines of its own, so each rep's manager counts from the rep's hire date).
 */
@SpringBootTest(classes = JobsTestApplication.class)
class RollUpOverrideJobTest extends CommissionsJobScenario {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final Path dataDir = JobTestDataDir.create("salesops-roll-up-");
    static final Pattern MEMBER = Pattern.compile("override on team member (\\S+)'s credit(?:, (\\d+) levels down)?");

    /** Every cash credit of March with the credited rep's manager (level 1) and that manager's (level 2). */
    static final String CHAINS = """
            select c.transaction_id, c.rep_id as member, m.rep_id as level_1,
                   case when c.event_date >= m.hire_date then m.manager_id end as level_2
            from commission_credits c
            join reps r on r.rep_id = c.rep_id and c.event_date >= r.hire_date
            join reps m on m.rep_id = r.manager_id
            where c.period = '2025-03' and c.basis = 'cash' and c.excluded_reason is null""";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @Test
    void theDirectorsOverrideReachesTheirManagersTeamsAndNoFurther() throws Exception {
        ingestSample(dataDir, new GeneratorSettings(0.01, 11, 6, MARCH));
        Path setup = dataDir.resolve("commissions");
        ExampleSetup.copyIfMissing(setup);
        Files.writeString(setup.resolve("plans/roll-up.yaml"), """
                id: roll-up
                version: 1
                effective_from: 2020-01-01
                basis: cash
                currency: CNY
                rounding: {scale: 2, mode: half_up}
                components:
                  - {id: base, kind: rate, rate: 0.3%}
                  - {id: roll_up, kind: manager_override, rate: 0.2%, levels: 2}
                """);
        Files.writeString(setup.resolve("assignments.csv"), """
                assignee,plan_id,effective_from,effective_to
                role:rep,sales-rep,2020-01-01,
                role:manager,sales-manager,2020-01-01,
                role:director,roll-up,2020-01-01,
                """);

        calculate(MARCH);

        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        // expected: per director on the plan, each credit whose rep reports to them (level 1) or to
        // one of their managers (level 2)
        List<String> expected = column(analyst, """
                with chains as (%s),
                     directors as (select rep_id from commission_statements
                                   where period = '2025-03' and plan_id = 'roll-up')
                select d.rep_id || ' ' || x.transaction_id || ' ' || x.member || ' ' || x.level from (
                    select transaction_id, member, level_1 as director, 1 as level from chains
                    union all
                    select transaction_id, member, level_2, 2 from chains where level_2 is not null) x
                join directors d on d.rep_id = x.director
                order by 1""".formatted(CHAINS));
        List<List<String>> lines = analyst.query("select rep_id, transaction_id, explanation, base, amount"
                + " from commission_lines where period = '2025-03' and component = 'roll_up'", 100_000).rows();
        List<String> paid = new ArrayList<>();
        for (List<String> line : lines) {
            Matcher member = MEMBER.matcher(line.get(2));
            assertThat(member.find()).as(line.get(2)).isTrue();
            paid.add(line.get(0) + " " + line.get(1) + " " + member.group(1) + " "
                    + (member.group(2) == null ? "1" : member.group(2)));
            assertThat(new BigDecimal(line.get(4))).as(line.toString()).isEqualByComparingTo(
                    new BigDecimal(line.get(3)).multiply(new BigDecimal("0.002")).setScale(2, RoundingMode.HALF_UP));
        }

        assertThat(expected).as("two-level credits exist in the sample").anyMatch(e -> e.endsWith(" 2"));
        assertThat(paid.stream().sorted().toList()).isEqualTo(expected);
        // the managers' own override still stops at their direct reports
        assertThat(analyst.query("select count(*) from commission_lines where period = '2025-03'"
                + " and component = 'team_override' and explanation like '%levels down%'", 1).rows())
                .containsExactly(List.of("0"));
    }

    private static List<String> column(AnalystDatabase analyst, String sql) {
        return analyst.query(sql, 100_000).rows().stream().map(row -> row.get(0)).toList();
    }
}
