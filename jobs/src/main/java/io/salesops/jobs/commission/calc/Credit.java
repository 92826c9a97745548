package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.QuantityUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An amount credited to one rep for one source transaction in the period, in the plan's currency,
 * with what the components look up: the product category (rate multipliers, SPIFs; may be empty),
 * the transaction date, the campaign of the deal and the campaigns that touched the customer's
 * account before the order (SPIFs), whether the customer is new (new-customer bonus), the cost of
 * what was sold (margin) and the quantity with its unit (volume). Details a component does
 * not need may be absent (null, or empty for text); a component that needs one names the
 * transaction when it is missing.
 */
public record Credit(String transactionId, BigDecimal amount, String category, LocalDate date, String campaign,
        CustomerStatus customer, BigDecimal cost, BigDecimal quantity, QuantityUnit unit, List<CampaignTouch> touches) {

    public Credit {
        if (transactionId == null || transactionId.isBlank()) {
            throw new IllegalArgumentException("credit transaction id is required");
        }
        if (amount == null) {
            throw new IllegalArgumentException("credit amount is required for " + transactionId);
        }
        category = category == null ? "" : category;
        campaign = campaign == null ? "" : campaign;
        customer = customer == null ? CustomerStatus.EXISTING : customer;
        touches = touches == null ? List.of() : List.copyOf(touches);
        // a clawback (negative amount) reverses its cost too; a sale's cost is never negative
        if (cost != null && cost.signum() < 0 && amount.signum() >= 0) {
            throw new IllegalArgumentException("credit cost must be at least 0, cannot be: " + cost.toPlainString()
                    + " (transaction " + transactionId + ")");
        }
        if ((quantity == null) != (unit == null)) {
            throw new IllegalArgumentException("credit quantity and unit go together, cannot be: " + quantity + " "
                    + unit + " (transaction " + transactionId + ")");
        }
    }

    /** A credit no campaign touched. */
    public Credit(String transactionId, BigDecimal amount, String category, LocalDate date, String campaign,
                  CustomerStatus customer, BigDecimal cost, BigDecimal quantity, QuantityUnit unit) {
        this(transactionId, amount, category, date, campaign, customer, cost, quantity, unit, List.of());
    }

    /** A credit with only what the rate, tiered and attainment components need. */
    public Credit(String transactionId, BigDecimal amount, String category) {
        this(transactionId, amount, category, null, "", CustomerStatus.EXISTING, null, null, null);
    }

    public Credit withDate(LocalDate newDate) {
        return new Credit(transactionId, amount, category, newDate, campaign, customer, cost, quantity, unit, touches);
    }

    public Credit withCampaign(String newCampaign) {
        return new Credit(transactionId, amount, category, date, newCampaign, customer, cost, quantity, unit, touches);
    }

    public Credit withCustomer(CustomerStatus status) {
        return new Credit(transactionId, amount, category, date, campaign, status, cost, quantity, unit, touches);
    }

    public Credit withCost(BigDecimal newCost) {
        return new Credit(transactionId, amount, category, date, campaign, customer, newCost, quantity, unit, touches);
    }

    public Credit withQuantity(BigDecimal newQuantity, QuantityUnit newUnit) {
        return new Credit(transactionId, amount, category, date, campaign, customer, cost, newQuantity, newUnit,
                touches);
    }
}
