package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.Ramp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The quota a quota_attainment component uses in one period: the full quota, or for a new hire
 * under a ramp, the ramp's share of it in the rep's employment month (the hire month is month 1,
 * counted in calendar months). Exact: a share times the quota, never divided.
 */
public final class QuotaRamp {

    /** The quota to use and, when a ramp lowered it, the sentence saying how ("" otherwise). */
    public record RampedQuota(BigDecimal quota, String note) {
    }

    private QuotaRamp() {
    }

    public static RampedQuota quota(String componentId, Optional<Ramp> ramp, BigDecimal fullQuota, LocalDate hireDate,
            YearMonth period, int scale) {
        if (ramp.isEmpty() || fullQuota == null) {
            return new RampedQuota(fullQuota, "");
        }
        if (hireDate == null || period == null) {
            throw new IllegalArgumentException("component " + componentId + " has a ramped quota, so the rep's hire"
                    + " date and the period are required, cannot be: " + hireDate + ", " + period);
        }
        int month = employmentMonth(hireDate, period);
        BigDecimal share = ramp.get().shareIn(month);
        if (share.compareTo(BigDecimal.ONE) == 0) {
            return new RampedQuota(fullQuota, "");
        }
        BigDecimal ramped = share.multiply(fullQuota);
        // keep the quota's own scale when that is exact, as attainment bounds do
        ramped = ramped.stripTrailingZeros().scale() <= fullQuota.scale() ? ramped.setScale(fullQuota.scale()) : ramped;
        return new RampedQuota(ramped, "ramped quota " + Explanations.money(ramped, scale) + " = "
                + Explanations.percent(share) + " of " + Explanations.money(fullQuota, scale) + " in month " + month
                + " after hire");
    }

    /** 1 in the hire month, 2 in the next calendar month, and so on. */
    static int employmentMonth(LocalDate hireDate, YearMonth period) {
        YearMonth hired = YearMonth.from(hireDate);
        if (period.isBefore(hired)) {
            throw new IllegalArgumentException("the period must not be before the hire date " + hireDate
                    + ", cannot be: " + period);
        }
        return (int) ChronoUnit.MONTHS.between(hired, period) + 1;
    }
}
