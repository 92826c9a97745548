package io.salesops.jobs.commission.period;

import io.salesops.jobs.commission.calc.Credit;
import io.salesops.jobs.commission.calc.PayoutLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads a payout line on a period total (a tier slice, an attainment band, a cap's reduction)
 * over the credits that made the total, in proportion to their amounts, so that finance can see
 * what each transaction earned. The parts are rounded down to the plan's scale and the remaining
 * minor units go to the parts that lost the most in rounding (ties: the earlier credit), so they
 * add up exactly to the line. Credits that sum to zero leave the line whole.
 */
public final class LineSpreading {

    private static final int WORKING_SCALE = 12;

    /** One part of a spread line, for the credit at {@code creditIndex}. */
    public record Part(int creditIndex, BigDecimal base, BigDecimal amount) {
    }

    private LineSpreading() {
    }

    public static List<Part> spread(PayoutLine line, List<Credit> credits, int scale) {
        BigDecimal weight = credits.stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weight.signum() == 0) {
            return List.of();
        }
        BigDecimal[] exact = new BigDecimal[credits.size()];
        BigDecimal[] parts = new BigDecimal[credits.size()];
        BigDecimal allotted = BigDecimal.ZERO;
        for (int i = 0; i < credits.size(); i++) {
            exact[i] = line.amount().multiply(credits.get(i).amount()).divide(weight, WORKING_SCALE,
                    RoundingMode.HALF_EVEN);
            parts[i] = exact[i].setScale(scale, RoundingMode.DOWN);
            allotted = allotted.add(parts[i]);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal residue = line.amount().subtract(allotted);
        int steps = residue.divide(unit).intValueExact();
        BigDecimal step = steps > 0 ? unit : unit.negate();
        BigDecimal[] lost = new BigDecimal[credits.size()];
        for (int i = 0; i < credits.size(); i++) {
            lost[i] = exact[i].subtract(parts[i]);
        }
        Comparator<Integer> lostMost = Comparator.comparing((Integer i) -> lost[i]);
        List<Integer> order = IntStream.range(0, credits.size()).boxed()
                .sorted(steps > 0 ? lostMost.reversed() : lostMost).toList();
        for (int k = 0; k < Math.abs(steps); k++) {
            int i = order.get(k % order.size());
            parts[i] = parts[i].add(step);
        }
        List<Part> result = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            BigDecimal base = line.base().multiply(credits.get(i).amount()).divide(weight, 6, RoundingMode.HALF_EVEN);
            result.add(new Part(i, base, parts[i]));
        }
        return result;
    }
}
