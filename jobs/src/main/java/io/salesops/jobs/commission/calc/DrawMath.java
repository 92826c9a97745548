package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.DrawAtTermination;
import io.salesops.jobs.commission.plan.DrawComponent;
import io.salesops.jobs.commission.plan.DrawType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles a draw over a sequence of periods, in order. Per period, with {@code b} the balance the
 * rep owes at its start:
 * <ul>
 * <li>recoverable: payable = max(draw, earned − b); the balance carried is b + payable − earned.
 * So a period earning less than the draw is topped up to it and the top-up is owed; later
 * earnings above the draw repay the balance, and a period never pays less than the draw.</li>
 * <li>non-recoverable: payable = max(draw, earned); nothing is carried.</li>
 * </ul>
 * A draw limited to the first {@code months} of employment pays no draw after them: recoverable
 * then pays max(0, earned − b), so the balance is still recovered (and a negative period adds to
 * it, as under the draw), and non-recoverable pays what was earned. A recoverable draw with
 * {@code at_termination: forgive} writes off what is still owed at the end of the month the rep
 * leaves: that month pays as usual, and its closing balance is 0.
 * Earned totals and the draw amount are already at the plan's scale, so nothing is rounded here.
 */
public final class DrawMath {

    private DrawMath() {
    }

    /** A draw whose rep's employment does not matter: see {@link #settle(DrawComponent, List, BigDecimal, Employment, int)}. */
    public static List<DrawSettlement> settle(DrawComponent draw, List<PeriodEarnings> periods,
            BigDecimal openingBalance, int scale) {
        return settle(draw, periods, openingBalance, Employment.UNKNOWN, scale);
    }

    /**
     * @param openingBalance what the rep owes from before the first period (0 when none)
     * @param employment     the rep's hire date, needed when the draw is limited to the first months
     *                       of employment, and termination date, for a balance forgiven when they leave
     */
    public static List<DrawSettlement> settle(DrawComponent draw, List<PeriodEarnings> periods,
            BigDecimal openingBalance, Employment employment, int scale) {
        if (draw.months().isPresent() && employment.hireDate() == null) {
            throw new IllegalArgumentException("draw " + draw.id() + " is paid in the first " + draw.months().get()
                    + " months of employment, so the rep's hire date is required");
        }
        if (openingBalance.signum() < 0 || (draw.type() == DrawType.NON_RECOVERABLE && openingBalance.signum() != 0)) {
            throw new IllegalArgumentException("draw " + draw.id() + " opening balance must be at least 0 (and 0 for a"
                    + " non-recoverable draw), cannot be: " + openingBalance.toPlainString());
        }
        List<DrawSettlement> settled = new ArrayList<>();
        BigDecimal balance = openingBalance;
        for (PeriodEarnings period : periods) {
            YearMonth month = YearMonth.parse(period.period());
            Optional<Integer> ended = draw.months().filter(months -> employment.month(month) > months);
            DrawSettlement settlement = ended.isPresent() ? afterTheDraw(draw, period, balance, ended.get(), scale)
                    : draw.type() == DrawType.RECOVERABLE ? recoverable(draw, period, balance, scale)
                    : nonRecoverable(draw, period, scale);
            if (draw.atTermination() == DrawAtTermination.FORGIVE && employment.leftIn(month)) {
                settlement = forgiven(settlement, employment.terminationDate(), scale);
            }
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

    /** The leaving month's settlement with what is still owed written off: its payable is unchanged. */
    private static DrawSettlement forgiven(DrawSettlement settled, LocalDate left, int scale) {
        if (settled.closingBalance().signum() <= 0) {
            return settled;
        }
        return new DrawSettlement(settled.component(), settled.period(), settled.earned(), settled.payable(),
                settled.openingBalance(), BigDecimal.ZERO.setScale(scale),
                settled.explanation() + "; " + Explanations.money(settled.closingBalance(), scale)
                        + " forgiven: the rep left on " + left);
    }

    /** A period after a draw's months: no draw is paid; a recoverable draw's balance is still recovered. */
    private static DrawSettlement afterTheDraw(DrawComponent draw, PeriodEarnings period, BigDecimal balance,
                                               int months, int scale) {
        BigDecimal earned = period.earned();
        String ended = " draw " + Explanations.money(draw.amount(), scale) + " ended after month " + months
                + " of employment: earned " + Explanations.money(earned, scale);
        if (draw.type() == DrawType.NON_RECOVERABLE) {
            return new DrawSettlement(draw.id(), period.period(), earned, earned, BigDecimal.ZERO, BigDecimal.ZERO,
                    "non-recoverable" + ended + ", payable " + Explanations.money(earned, scale) + "; nothing carried");
        }
        BigDecimal payable = BigDecimal.ZERO.setScale(scale).max(earned.subtract(balance));
        BigDecimal closing = balance.add(payable).subtract(earned);
        BigDecimal recovered = earned.subtract(payable);
        String what = recovered.signum() > 0 ? "recovered " + Explanations.money(recovered, scale)
                : recovered.signum() < 0 ? "owes " + Explanations.money(recovered.negate(), scale) + " more"
                : "nothing to recover";
        return new DrawSettlement(draw.id(), period.period(), earned, payable, balance, closing, "recoverable" + ended
                + ", " + what + ", payable " + Explanations.money(payable, scale) + "; balance owed "
                + Explanations.money(balance, scale) + " → " + Explanations.money(closing, scale));
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
