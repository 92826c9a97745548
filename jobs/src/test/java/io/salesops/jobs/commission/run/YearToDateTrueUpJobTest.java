package io.salesops.jobs.commission.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.ingest.sample.GeneratorSettings;
import io.salesops.jobs.JobTestDataDir;
import io.salesops.jobs.JobsTestApplication;
import io.salesops.warehouse.analyst.AnalystDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A year-to-date true-up through the real job: January, February and March are calculated in turn,
 * each reading the months published before it, and over the quarter each rep is paid exactly what
 * the quarter's credited amount earns against the quarter's quota, however the months went. The
 * expected payout is worked out here from the published statements alone.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class YearToDateTrueUpJobTest extends CommissionsJobScenario {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final Path dataDir = JobTestDataDir.create("salesops-true-up-");

    // retro: the whole amount at 1 % × 0.5 below 100 % of quota, × 1.5 from 100 %; on booking basis,
    // so that from the first month the credited amounts are of the size of the quotas
    static final String PLAN = """
            id: ytd-rep
            version: 1
            effective_from: 2020-01-01
            basis: booking
            currency: CNY
            rounding: {scale: 2, mode: half_up}
            components:
              - id: quarterly_bonus
                kind: quota_attainment
                rate: 1%
                mode: retro
                bands: [{from: 0%, to: 100%, multiplier: 0.5}, {from: 100%, multiplier: 1.5}]
                true_up: year_to_date
            """;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        JobTestDataDir.register(registry, dataDir);
    }

    @Test
    void overTheQuarterEachRepIsPaidWhatTheQuartersTotalEarnsAgainstTheQuartersQuota() throws Exception {
        ingestSample(dataDir, new GeneratorSettings(0.002, 5, 3, MARCH));
        RepPlanSetup.assignToReps(dataDir, "ytd-rep", PLAN);
        for (YearMonth month = YearMonth.of(2025, 1); !month.isAfter(MARCH); month = month.plusMonths(1)) {
            calculate(month);
        }

        AnalystDatabase analyst = new AnalystDatabase(dataDir);
        // per rep on the plan all quarter: Σ credited and Σ quota of the three published statements,
        // and what the component paid in the three months together
        List<List<String>> reps = analyst.query("""
                select s.rep_id, sum(s.credited_amount), sum(s.quota),
                       (select coalesce(sum(l.amount), 0) from commission_lines l
                         where l.rep_id = s.rep_id and l.component = 'quarterly_bonus')
                from commission_statements s
                where s.plan_id = 'ytd-rep' and s.quota > 0
                group by s.rep_id having count(*) = 3
                order by s.rep_id""", 10_000).rows();
        assertThat(reps).hasSizeGreaterThan(3);
        int caughtUp = 0;
        for (List<String> rep : reps) {
            BigDecimal credited = new BigDecimal(rep.get(1));
            BigDecimal quota = new BigDecimal(rep.get(2));
            BigDecimal multiplier = credited.compareTo(quota) >= 0 ? new BigDecimal("1.5") : new BigDecimal("0.5");
            BigDecimal expected = credited.multiply(new BigDecimal("0.01")).multiply(multiplier)
                    .setScale(2, RoundingMode.HALF_UP);
            assertThat(new BigDecimal(rep.get(3))).as("rep %s: %s credited against %s", rep.get(0), credited, quota)
                    .isEqualByComparingTo(expected);
            if (credited.compareTo(quota) >= 0) {
                caughtUp++;
            }
        }
        // the check means something only if some reps end the quarter in the upper band, and if paying
        // each month on its own (no true-up) would have paid some reps otherwise
        assertThat(caughtUp).isPositive();
        int monthByMonthDiffers = 0;
        for (List<String> rep : reps) {
            BigDecimal monthByMonth = BigDecimal.ZERO;
            for (List<String> month : analyst.query("select credited_amount, quota from commission_statements"
                    + " where rep_id = '" + rep.get(0) + "'", 3).rows()) {
                BigDecimal credited = new BigDecimal(month.get(0));
                BigDecimal multiplier = credited.compareTo(new BigDecimal(month.get(1))) >= 0
                        ? new BigDecimal("1.5") : new BigDecimal("0.5");
                monthByMonth = monthByMonth.add(credited.multiply(new BigDecimal("0.01")).multiply(multiplier)
                        .setScale(2, RoundingMode.HALF_UP));
            }
            if (monthByMonth.compareTo(new BigDecimal(rep.get(3))) != 0) {
                monthByMonthDiffers++;
            }
        }
        assertThat(monthByMonthDiffers).isPositive();
        // March pays the difference: its lines say what the earlier months of the year paid
        assertThat(Long.parseLong(analyst.query("select count(*) from commission_lines where period = '2025-03'"
                + " and component = 'quarterly_bonus' and explanation like '%paid in earlier periods of the year%'",
                1).rows().get(0).get(0))).isPositive();
    }
}
