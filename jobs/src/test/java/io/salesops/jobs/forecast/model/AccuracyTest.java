package io.salesops.jobs.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.salesops.jobs.forecast.model.Accuracy.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void theMetricsOfFourMonthsByHand() {
        // errors +5, −10, +12, +5 on actuals 100, 100, 200, 0
        Accuracy.Metrics m = Accuracy.of(List.of(new Outcome(105, 95, 115, 100), new Outcome(90, 85, 99, 100),
                new Outcome(212, 200, 210, 200), new Outcome(5, 0, 10, 0)));

        assertThat(m.months()).isEqualTo(4);
        assertThat(m.wape().getAsDouble()).isCloseTo(32 / 400.0, within(1e-12));
        assertThat(m.bias().getAsDouble()).isCloseTo(12 / 400.0, within(1e-12));
        // the zero actual has no percentage error: (0.05 + 0.10 + 0.06) / 3
        assertThat(m.mape().getAsDouble()).isCloseTo(0.07, within(1e-12));
        assertThat(m.coverage80()).isEqualTo(0.75);
        assertThat(m.shareWithin5()).isEqualTo(0.25);
        // exactly 10 % off counts as within 10 %
        assertThat(m.shareWithin10()).isEqualTo(0.75);
    }

    @Test
    void valueAddedIsTheShareOfTheBaselinesErrorRemoved() {
        Accuracy.Metrics model = Accuracy.of(List.of(new Outcome(108, 0, 0, 100)));
        Accuracy.Metrics seasonalNaive = Accuracy.of(List.of(new Outcome(90, 0, 0, 100)));
        Accuracy.Metrics perfect = Accuracy.of(List.of(new Outcome(100, 0, 0, 100)));

        assertThat(model.valueAddedAgainst(seasonalNaive).getAsDouble()).isCloseTo(1 - 0.08 / 0.10, within(1e-12));
        assertThat(seasonalNaive.valueAddedAgainst(model).getAsDouble()).isCloseTo(1 - 0.10 / 0.08, within(1e-12));
        assertThat(model.valueAddedAgainst(perfect)).isEmpty();
    }

    @Test
    void allZeroActualsHaveNoPercentageErrors() {
        Accuracy.Metrics m = Accuracy.of(List.of(new Outcome(3, 0, 5, 0)));

        assertThat(m.mape()).isEmpty();
        assertThat(m.wape()).isEmpty();
        assertThat(m.bias()).isEmpty();
        assertThat(m.coverage80()).isEqualTo(1.0);
    }
}
