package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.plan.CommissionPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * What a manual adjustment must satisfy before it is recorded: the log is insert-only, so one that
 * no run can pay (a currency the rep is not paid in, a rep who does not exist) would otherwise
 * fail every later run of its period. Pure: the caller supplies the rep and the plan.
 */
public final class AdjustmentCheck {

    /** A rep as the warehouse knows them, for the check. */
    public record Rep(String repId, String role, LocalDate hireDate, LocalDate terminationDate) {
    }

    private AdjustmentCheck() {
    }

    /**
     * Every reason the adjustment cannot be recorded, empty when it can.
     *
     * @param rep  the rep from the current reps table, empty when unknown
     * @param plan the plan paying the rep at the period's end, empty when none
     */
    public static List<String> problems(YearMonth period, String repId, BigDecimal amount, String currency,
                                        Optional<Rep> rep, Optional<CommissionPlan> plan) {
        List<String> problems = new ArrayList<>();
        if (amount.signum() == 0) {
            problems.add("--amount: an adjustment of 0 changes nothing");
        }
        if (!isoCurrency(currency)) {
            problems.add("--currency: " + currency + " is not an ISO 4217 currency code (e.g. CNY, USD)");
        }
        if (rep.isEmpty()) {
            problems.add("--rep: no rep " + repId + " in the warehouse's reps table");
        } else {
            Rep known = rep.get();
            LocalDate first = period.atDay(1);
            LocalDate last = period.atEndOfMonth();
            if (known.hireDate() != null && known.hireDate().isAfter(last)) {
                problems.add("--rep: " + repId + " was hired on " + known.hireDate() + ", after " + period);
            }
            if (known.terminationDate() != null && known.terminationDate().isBefore(first)) {
                problems.add("--rep: " + repId + " left on " + known.terminationDate() + ", before " + period);
            }
        }
        plan.filter(p -> isoCurrency(currency) && !p.currency().equals(currency)).ifPresent(p ->
                problems.add("--currency: " + repId + " is paid in " + p.currency() + " (plan " + p.id()
                        + "), not " + currency));
        return problems;
    }

    private static boolean isoCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
