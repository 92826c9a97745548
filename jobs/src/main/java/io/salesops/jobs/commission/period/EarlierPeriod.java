package io.salesops.jobs.commission.period;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A rep's published statement of an earlier period of the year, as a year-to-date true-up needs
 * it: the plan that paid it, the credited amount and the full (unramped) quota in the plan's currency.
 */
public record EarlierPeriod(YearMonth period, String planId, BigDecimal credited, BigDecimal quota)
        implements Serializable {
}
