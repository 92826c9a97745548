package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void groupsThousandsAndKeepsTheDecimalsAsked() {
        assertThat(Explanations.grouped(new BigDecimal("1234567.5"), 2)).isEqualTo("1,234,567.50");
        assertThat(Explanations.grouped(new BigDecimal("-1000"), 2)).isEqualTo("-1,000.00");
        assertThat(Explanations.grouped(new BigDecimal("999"), 0)).isEqualTo("999");
        assertThat(Explanations.grouped(new BigDecimal("0.125"), 2)).isEqualTo("0.12");
        assertThat(Explanations.grouped(new BigDecimal("100000"), 0)).isEqualTo("100,000");
    }
}
