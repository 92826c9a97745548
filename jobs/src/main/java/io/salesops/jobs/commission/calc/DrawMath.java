package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.DrawComponent;
import io.salesops.jobs.commission.plan.DrawType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a draw over a sequence of periods, in order. Per period, with {@code b} the balance the
 * rep owes at its start:
 * <ul>
 * <li>recoverable: payable = max(draw, earned − b); the balance carried is b + payable − earned.
 * So a period earning less than the draw is topped up to it and the top-up is owed; later
 * earnings above the draw repay the balance, and a period never pays less than the draw.</li>
 * <li>non-recoverable: payable = max(draw, earned); nothing is carried.</li>
 * </ul>
 * Earned totals and the draw amount are already at the plan's scale, so nothing is rounded here.
 */
public final class DrawMath {

    private DrawMath() {
    }

    /** @param openingBalance what the rep owes from before the first period (0 when none) */
    public static List<DrawSettlement> settle(DrawComponent draw, List<PeriodEarnings> periods,
            BigDecimal openingBalance, int scale) {
        if (openingBalance.signum() < 0 || (draw.type() == DrawType.NON_RECOVERABLE && openingBalance.signum() != 0)) {
            throw new IllegalArgumentException("draw " + draw.id() + " opening balance must be at least 0 (and 0 for a"
                    + " non-recoverable draw), cannot be: " + openingBalance.toPlainString());
        }
        List<DrawSettlement> settled = new ArrayList<>();
        BigDecimal balance = openingBalance;
        for (PeriodEarnings period : periods) {
            DrawSettlement settlement = draw.type() == DrawType.RECOVERABLE
                    ? recoverable(draw, period, balance, scale) : nonRecoverable(draw, period, scale);
            settled.add(settlement);
            balance = settlement.closingBalance();
        }
        return settled;
    }

    private static DrawSettlement recoverable(DrawComponent draw, PeriodEarnings period, BigDecimal balance, int scale) {
        BigDecimal earned = period.earned();
        BigDecimal payable = draw.amount().max(earned.subtract(balance));
        BigDecimal closing = balance.add(payable).subtract(earned);
        BigDecimal adjustment = payable.subtract(earned);
        String what = adjustment.signum() > 0 ? "advanced " + Explanations.money(adjustment, scale)
                : adjustment.signum() < 0 ? "recovered " + Explanations.money(adjustment.negate(), scale)
                : "nothing advanced or recovered";
        return new DrawSettlement(draw.id(), period.period(), earned, payable, balance, closing,
                "recoverable draw " + Explanations.money(draw.amount(), scale) + ": earned "
                        + Explanations.money(earned, scale) + ", " + what + ", payable "
                        + Explanations.money(payable, scale) + "; balance owed " + Explanations.money(balance, scale)
                        + " → " + Explanations.money(closing, scale));
    }

    private static DrawSettlement nonRecoverable(DrawComponent draw, PeriodEarnings period, int scale) {
        BigDecimal earned = period.earned();
        BigDecimal payable = draw.amount().max(earned);
        BigDecimal guaranteed = payable.subtract(earned);
        String what = guaranteed.signum() > 0 ? "guaranteed " + Explanations.money(guaranteed, scale) + " more"
                : "covers the draw";
        return new DrawSettlement(draw.id(), period.period(), earned, payable, BigDecimal.ZERO, BigDecimal.ZERO,
                "non-recoverable draw " + Explanations.money(draw.amount(), scale) + ": earned "
                        + Explanations.money(earned, scale) + ", " + what + ", payable "
                        + Explanations.money(payable, scale) + "; nothing carried");
    }
}
