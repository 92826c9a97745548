package io.salesops.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class LaunchRequestTest {

    private static final LaunchRequest MONTH_END = new LaunchRequest("monthEndClose", ZoneId.of("Asia/Shanghai"),
            Map.of("period", "previous-month", "region", "east"));

    @Test
    void jobDataHoldsOnlyStringsAndReadsBackTheSameRequest() {
        // given
        JobDataMap data = MONTH_END.toJobDataMap();

        // when
        LaunchRequest readBack = LaunchRequest.from(data);

        // then
        assertThat(data.getWrappedMap().values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        assertThat(readBack).isEqualTo(MONTH_END);
    }

    @Test
    void jobParametersResolveThePeriodKeepOtherValuesAndAddTheRun() {
        // given 02:00 on 1 March in Shanghai
        Instant firedAt = Instant.parse("2025-02-28T18:00:00Z");

        // when
        JobParameters parameters = MONTH_END.jobParameters(firedAt, 42L);

        // then (JobParameter equality looks at the name only, so compare every component)
        assertThat(parameters.parameters())
                .extracting(JobParameter::name, JobParameter::value, JobParameter::type, JobParameter::identifying)
                .containsExactlyInAnyOrder(
                        tuple("period", java.time.YearMonth.of(2025, 2), java.time.YearMonth.class, true),
                        tuple("region", "east", String.class, true),
                        tuple("run", 42L, Long.class, true));
    }

    @Test
    void jobDataWithoutAJobNameIsRejectedNamingTheMissingKey() {
        // given a Quartz job that the registrar did not write
        JobDataMap data = new JobDataMap(Map.of("time-zone", "Asia/Shanghai"));

        // when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchRequest.from(data))
                .withMessageStartingWith("Quartz job data has no 'job'");
    }
}
