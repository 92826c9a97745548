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
 * it, as under the draw), and non-recoverable pays what was earned. No draw is paid
 * after the month the rep leaves either (a leaver's later statements pay what they earn). A
 * recoverable draw with {@code at_termination: forgive} writes off what is still owed at the end of
 * the month the rep leaves (or of the first month calculated after it): that month pays as usual,
 * and its closing balance is 0.
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
            Optional<String> ended = ended(draw, employment, month);
            DrawSettlement settlement = ended.isPresent() ? afterTheDraw(draw, period, balance, ended.get(), scale)
                    : draw.type() == DrawType.RECOVERABLE ? recoverable(draw, period, balance, scale)
                    : nonRecoverable(draw, period, scale);
            if (draw.atTermination() == DrawAtTermination.FORGIVE && employment.leftBy(month)) {
                // the leaving month, or the first month calculated after it (a late termination date)
                settlement = forgiven(settlement, employment.terminationDate(), scale);
            }
            settled.add(settlement);
            balance = settlement.closingBalance();
        }
        return settled;
    }

    /**
     * Why no draw is paid in this month, if none is: the rep left before it (a leaver's later
     * statements, e.g. a manager's team credits, pay what they earn and no new advance), or the
     * draw's months of employment are over.
     */
    private static Optional<String> ended(DrawComponent draw, Employment employment, YearMonth month) {
        if (employment.leftBefore(month)) {
            return Optional.of("when the rep left on " + employment.terminationDate());
        }
        if (draw.months().isEmpty()) {
            return Optional.empty();
        }
        int months = draw.months().get();
        if (month.isBefore(YearMonth.from(employment.hireDate()))) {
            throw new IllegalArgumentException("draw " + draw.id() + " is paid in the first " + months + " months"
                    + " from the hire date " + employment.hireDate() + ", so it cannot settle a period before it: "
                    + month);
        }
        return employment.month(month) > months ? Optional.of("after month " + months + " of employment")
                : Optional.empty();
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
                BigDecimal.ZERO.setScale(scale), "recoverable draw " + Explanations.money(draw.amount(), scale)
                        + ": earned " + Explanations.money(earned, scale) + ", " + what + ", payable "
                        + Explanations.money(payable, scale) + "; balance owed " + Explanations.money(balance, scale)
                        + " → " + Explanations.money(closing, scale));
    }

    /**
     * The settlement with what is still owed written off: its payable is unchanged, the amount
     * written off is its {@code forgiven}, and the explanation shows the balance before the write-off.
     */
    private static DrawSettlement forgiven(DrawSettlement settled, LocalDate left, int scale) {
        if (settled.closingBalance().signum() <= 0) {
            return settled;
        }
        return new DrawSettlement(settled.component(), settled.period(), settled.earned(), settled.payable(),
                settled.openingBalance(), BigDecimal.ZERO.setScale(scale), settled.closingBalance(),
                settled.explanation() + ", forgiven → "
                        + Explanations.money(BigDecimal.ZERO, scale) + ": the rep left on " + left);
    }

    /** A period the draw no longer pays in: a recoverable draw's balance is still recovered. */
    private static DrawSettlement afterTheDraw(DrawComponent draw, PeriodEarnings period, BigDecimal balance,
                                               String why, int scale) {
        BigDecimal earned = period.earned();
        String ended = " draw " + Explanations.money(draw.amount(), scale) + " ended " + why + ": earned "
                + Explanations.money(earned, scale);
        if (draw.type() == DrawType.NON_RECOVERABLE) {
            return new DrawSettlement(draw.id(), period.period(), earned, earned, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO.setScale(scale), "non-recoverable" + ended + ", payable "
                            + Explanations.money(earned, scale) + "; nothing carried");
        }
        BigDecimal payable = BigDecimal.ZERO.setScale(scale).max(earned.subtract(balance));
        BigDecimal closing = balance.add(payable).subtract(earned);
        BigDecimal recovered = earned.subtract(payable);
        String what = recovered.signum() > 0 ? "recovered " + Explanations.money(recovered, scale)
                : recovered.signum() < 0 ? "owes " + Explanations.money(recovered.negate(), scale) + " more"
                : "nothing to recover";
        return new DrawSettlement(draw.id(), period.period(), earned, payable, balance, closing,
                BigDecimal.ZERO.setScale(scale), "recoverable" + ended
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
                BigDecimal.ZERO.setScale(scale), "non-recoverable draw " + Explanations.money(draw.amount(), scale)
                        + ": earned " + Explanations.money(earned, scale) + ", " + what + ", payable "
                        + Explanations.money(payable, scale) + "; nothing carried");
    }
}
