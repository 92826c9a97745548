package io.salesops.jobs.commission.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.jobs.commission.plan.Tier;
import io.salesops.jobs.commission.plan.TierMode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierMathTest {

    /** [0, 100) at 10%, [100, 200) at 20%, [200, ∞) at 30%: round numbers so expectations are mental arithmetic. */
    static final List<Tier> OPEN = List.of(tier("0", "100", "0.10"), tier("100", "200", "0.20"), tier("200", null, "0.30"));

    @ParameterizedTest(name = "marginal {0} pays {1}")
    @CsvSource({
            "0, 0",
            "50, 5.00",          // 50 x 10%
            "99.99, 9.999",      // still tier 1
            "100, 10.00",        // tier 1 full, nothing in tier 2
            "100.01, 10.002",    // 10 + 0.01 x 20%
            "200, 30.00",        // 10 + 100 x 20%
            "250, 45.00"         // 10 + 20 + 50 x 30%
    })
    void marginalPaysEachSliceAtItsTiersRate(String amount, String expected) {
        assertThat(TierMath.payout(OPEN, TierMode.MARGINAL, new BigDecimal(amount))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "retro {0} pays {1}")
    @CsvSource({
            "0, 0",
            "99.99, 9.999",      // tier 1: 99.99 x 10%
            "100, 20.00",        // on the bound: tier 2, whole amount x 20%
            "199.99, 39.998",
            "200, 60.00",        // tier 3: 200 x 30%
            "250, 75.00"
    })
    void retroPaysTheWholeAmountAtTheReachedTiersRate(String amount, String expected) {
        assertThat(TierMath.payout(OPEN, TierMode.RETRO, new BigDecimal(amount))).isEqualByComparingTo(expected);
    }

    @Test
    void marginalSlicesNameTheirTierAndBase() {
        // when
        List<TierSlice> slices = TierMath.slices(OPEN, TierMode.MARGINAL, new BigDecimal("250"));

        // then
        assertThat(slices).extracting(TierSlice::number).containsExactly(1, 2, 3);
        assertThat(slices).extracting(TierSlice::base).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("50"));
    }

    @Test
    void aboveAClosedLastTierNothingMoreIsPaidInEitherMode() {
        // given: tiers end at 200
        List<Tier> closed = List.of(tier("0", "100", "0.10"), tier("100", "200", "0.20"));

        // then: 500 counts as 200
        assertThat(TierMath.payout(closed, TierMode.MARGINAL, new BigDecimal("500"))).isEqualByComparingTo("30");
        assertThat(TierMath.payout(closed, TierMode.RETRO, new BigDecimal("500"))).isEqualByComparingTo("40");
    }

    @Test
    void aNegativeAmountIsRefusedUntilClawbacksAreModelled() {
        assertThatThrownBy(() -> TierMath.payout(OPEN, TierMode.MARGINAL, new BigDecimal("-1")))
                .hasMessage("a tiered amount must be at least 0, cannot be: -1");
    }

    static Tier tier(String from, String to, String rate) {
        return new Tier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(rate));
    }
}
