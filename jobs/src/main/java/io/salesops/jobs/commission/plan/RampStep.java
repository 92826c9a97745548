package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;

/**
 * One step of a new hire's quota ramp: in employment month {@code month} (the hire month is month
 * 1) the quota is {@code share} of the full quota.
 */
public record RampStep(int month, BigDecimal share) {
}
