package io.salesops.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    @Test
    void rejectsANegativeScaleNamingTheValue() {
        // given
        double scale = -1;

        // when / then
        assertThatThrownBy(() -> new GeneratorSettings(scale, 1, 36, YearMonth.of(2025, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale must be greater than 0, cannot be: -1");
    }

    @Test
    void rejectsZeroAndNotANumberAsScale() {
        assertThatThrownBy(() -> new GeneratorSettings(0, 1, 36, YearMonth.of(2025, 12)))
                .hasMessage("scale must be greater than 0, cannot be: 0");
        assertThatThrownBy(() -> new GeneratorSettings(Double.NaN, 1, 36, YearMonth.of(2025, 12)))
                .hasMessage("scale must be greater than 0, cannot be: NaN");
    }

    @Test
    void rejectsAScaleTooBigForMemory() {
        assertThatThrownBy(() -> new GeneratorSettings(50, 1, 36, YearMonth.of(2025, 12)))
                .hasMessage("scale must be at most 20, cannot be: 50");
    }

    @Test
    void rejectsMonthsOutsideOneToOneHundredTwenty() {
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, 0, YearMonth.of(2025, 12)))
                .hasMessage("months must be between 1 and 120, cannot be: 0");
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, 121, YearMonth.of(2025, 12)))
                .hasMessage("months must be between 1 and 120, cannot be: 121");
    }

    @Test
    void rejectsAMissingEndMonth() {
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, 36, null))
                .hasMessage("endMonth must be set, cannot be: null");
    }

    @Test
    void theWindowEndsWithTheEndMonth() {
        // given
        GeneratorSettings settings = new GeneratorSettings(0.5, 7, 36, YearMonth.of(2025, 12));

        // when
        YearMonth start = settings.startMonth();

        // then
        assertThat(start).isEqualTo(YearMonth.of(2023, 1));
        assertThat(GeneratorSettings.of(1, 42).endMonth()).isEqualTo(GeneratorSettings.DEFAULT_END_MONTH);
    }
}
