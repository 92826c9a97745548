package io.salesops.jobs.commission.period;

import io.salesops.jobs.commission.plan.CommissionPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the month-end job knows about one rep before calculating: the plan version that pays them
 * in the period, their quota already in the plan's currency (null when they have none) and their
 * hire date (for ramped quotas).
 */
public record RepSetup(String repId, CommissionPlan plan, BigDecimal quota, LocalDate hireDate, YearMonth period) {
}
