package io.salesops.jobs.commission.period;

import io.salesops.jobs.commission.plan.CommissionPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the month-end job knows about one rep before calculating: the plan version that pays them
 * in the period, their quota already in the plan's currency (null when they have none), their
 * hire date (for ramped quotas) and what they owe on a recoverable draw from the period before (0
 * when nothing).
 */
public record RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period,
        BigDecimal openingDrawBalance) {

    public RepSetup {
        openingDrawBalance = openingDrawBalance == null ? BigDecimal.ZERO : openingDrawBalance;
    }

    /** A rep who owes nothing on a draw. */
    public RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period) {
        this(repId, plan, quota, hireDate, period, BigDecimal.ZERO);
    }
}
