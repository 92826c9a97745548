package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/** Pays a fixed amount or a rate on each credit whose customer is new (the credit says so). */
public record NewCustomerBonusComponent(String id, Bonus bonus, Optional<BigDecimal> cap) implements EarningComponent {

    public NewCustomerBonusComponent {
        PlanRules.requireId(id);
        if (bonus == null) {
            throw new IllegalArgumentException("new customer bonus " + id + " needs an amount or a rate");
        }
        PlanRules.requirePositiveCap(cap);
    }
}
