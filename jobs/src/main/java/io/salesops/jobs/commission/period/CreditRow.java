package io.salesops.jobs.commission.period;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One credit as the crediting step produced it ({@code commission_credits} before conversion):
 * the rep credited and their share of one event, in the event's currency.
 *
 * @param basis      booking, invoice or cash: only credits of the rep's plan's basis count
 * @param reasonCode empty for an earning, else the clawback's reason (e.g. CREDIT_NOTE_RETURN)
 * @param role       owner, split or overlay
 * @param campaign   the campaign the sale is attributed to (SPIFs on a campaign); empty when none
 * @param teamLevel  on a credit sent to a manager as a team credit, how many levels below that
 *                   manager the credited rep is (1: a direct report); 0 on a rep's own credit
 * @param campaignTouches the campaigns that touched the customer's account before the order, as
 *                   {@code CampaignTouch.format} writes them (SPIFs on campaign touches); empty when none
 */
public record CreditRow(String repId, String managerId, String role, BigDecimal share, String basis,
        String reasonCode, String transactionId, String sourceTable, String sourceKey, LocalDate eventDate,
        BigDecimal amount, String currency, String category, String campaign, BigDecimal cost, String costCurrency,
        BigDecimal quantity, String unit, boolean newCustomer, int teamLevel, String campaignTouches)
        implements Serializable {

    public CreditRow {
        reasonCode = reasonCode == null ? "" : reasonCode;
        category = category == null ? "" : category;
        campaign = campaign == null ? "" : campaign;
        campaignTouches = campaignTouches == null ? "" : campaignTouches;
    }

    /** A credit no campaign touched. */
    public CreditRow(String repId, String managerId, String role, BigDecimal share, String basis, String reasonCode,
                     String transactionId, String sourceTable, String sourceKey, LocalDate eventDate, BigDecimal amount,
                     String currency, String category, String campaign, BigDecimal cost, String costCurrency,
                     BigDecimal quantity, String unit, boolean newCustomer, int teamLevel) {
        this(repId, managerId, role, share, basis, reasonCode, transactionId, sourceTable, sourceKey, eventDate, amount,
                currency, category, campaign, cost, costCurrency, quantity, unit, newCustomer, teamLevel, "");
    }

    /** A rep's own credit. */
    public CreditRow(String repId, String managerId, String role, BigDecimal share, String basis, String reasonCode,
                     String transactionId, String sourceTable, String sourceKey, LocalDate eventDate, BigDecimal amount,
                     String currency, String category, String campaign, BigDecimal cost, String costCurrency,
                     BigDecimal quantity, String unit, boolean newCustomer) {
        this(repId, managerId, role, share, basis, reasonCode, transactionId, sourceTable, sourceKey, eventDate, amount,
                currency, category, campaign, cost, costCurrency, quantity, unit, newCustomer, 0, "");
    }
}
