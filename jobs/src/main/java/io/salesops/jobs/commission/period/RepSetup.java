package io.salesops.jobs.commission.period;

import io.salesops.jobs.commission.plan.CommissionPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the month-end job knows about one rep before calculating: the plan version that pays them
 * in the period, their quota already in the plan's currency (null when they have none), their
 * hire date (for ramped quotas and a draw limited to the first months), their termination date
 * (null while employed; for a draw forgiven when they leave), what they owe on a recoverable draw
 * from the period before (0 when nothing) and, for a year-to-date true-up, their statements of the
 * year's earlier periods.
 */
public record RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period,
        BigDecimal openingDrawBalance, java.util.List<EarlierPeriod> earlierPeriods, LocalDate terminationDate) {

    public RepSetup {
        openingDrawBalance = openingDrawBalance == null ? BigDecimal.ZERO : openingDrawBalance;
        earlierPeriods = earlierPeriods == null ? java.util.List.of() : java.util.List.copyOf(earlierPeriods);
    }

    /** A rep who has not left (or whose leaving no component needs). */
    public RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period,
                    BigDecimal openingDrawBalance, java.util.List<EarlierPeriod> earlierPeriods) {
        this(repId, plan, quota, hireDate, period, openingDrawBalance, earlierPeriods, null);
    }

    /** A rep who owes nothing on a draw. */
    public RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period) {
        this(repId, plan, quota, hireDate, period, BigDecimal.ZERO, java.util.List.of());
    }

    /** A rep with a draw balance from the period before, and no earlier periods for a true-up. */
    public RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period,
                    BigDecimal openingDrawBalance) {
        this(repId, plan, quota, hireDate, period, openingDrawBalance, java.util.List.of());
    }
}
