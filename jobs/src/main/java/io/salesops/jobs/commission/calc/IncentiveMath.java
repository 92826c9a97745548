package io.salesops.jobs.commission.calc;

import io.salesops.jobs.commission.plan.Bonus;
import io.salesops.jobs.commission.plan.MarginComponent;
import io.salesops.jobs.commission.plan.NewCustomerBonusComponent;
import io.salesops.jobs.commission.plan.SpifComponent;
import io.salesops.jobs.commission.plan.TouchAttribution;
import io.salesops.jobs.commission.plan.VolumeComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exact lines of the per-credit incentive components: one line per qualifying credit, none for a
 * credit that does not qualify. A credit missing a detail the component needs (cost, quantity,
 * date) is an error naming the transaction, not a silent zero.
 */
final class IncentiveMath {

    private IncentiveMath() {
    }

    static List<ExactLine> newCustomerBonus(NewCustomerBonusComponent component, List<Credit> credits, int scale) {
        List<ExactLine> lines = new ArrayList<>();
        for (Credit credit : credits) {
            if (credit.customer() == CustomerStatus.NEW) {
                lines.add(bonusLine(component.id(), component.bonus(), credit, "new customer", scale));
            }
        }
        return lines;
    }

    static List<ExactLine> margin(MarginComponent component, List<Credit> credits, int scale) {
        List<ExactLine> lines = new ArrayList<>();
        for (Credit credit : credits) {
            if (credit.cost() == null) {
                throw new IllegalArgumentException("component " + component.id() + " pays on gross margin, so"
                        + " transaction " + credit.transactionId() + " needs a cost");
            }
            BigDecimal margin = credit.amount().subtract(credit.cost());
            String margins = "margin " + Explanations.money(margin, scale) + " = " + Explanations.money(credit.amount(),
                    scale) + " − cost " + Explanations.money(credit.cost(), scale);
            // a sale below cost pays nothing; a clawback (negative amount and cost) reverses its margin
            if (margin.signum() < 0 && credit.amount().signum() >= 0) {
                lines.add(new ExactLine(component.id(), credit.transactionId(), 0, margin, component.rate(),
                        BigDecimal.ZERO, margins + ": negative margin pays nothing"));
            } else {
                lines.add(new ExactLine(component.id(), credit.transactionId(), 0, margin, component.rate(),
                        margin.multiply(component.rate()), margins + ", × " + Explanations.percent(component.rate())));
            }
        }
        return lines;
    }

    static List<ExactLine> volume(VolumeComponent component, List<Credit> credits, int scale) {
        List<ExactLine> lines = new ArrayList<>();
        String unit = component.unit().symbol();
        for (Credit credit : credits) {
            if (credit.quantity() == null) {
                throw new IllegalArgumentException("component " + component.id() + " pays per " + unit
                        + ", so transaction " + credit.transactionId() + " needs a quantity in " + unit);
            }
            if (credit.unit() != component.unit()) {
                throw new IllegalArgumentException("component " + component.id() + " pays per " + unit
                        + ", but transaction " + credit.transactionId() + " has its quantity in "
                        + credit.unit().symbol() + ": convert it when crediting");
            }
            lines.add(new ExactLine(component.id(), credit.transactionId(), 0, credit.quantity(),
                    component.ratePerUnit(), credit.quantity().multiply(component.ratePerUnit()),
                    Explanations.bound(credit.quantity()) + " " + unit + " × "
                            + Explanations.money(component.ratePerUnit(), scale) + " per " + unit));
        }
        return lines;
    }

    static List<ExactLine> spif(SpifComponent component, List<Credit> credits, int scale) {
        List<ExactLine> lines = new ArrayList<>();
        String target = component.category() != null ? "category " + component.category()
                : "campaign " + component.campaign();
        for (Credit credit : credits) {
            Optional<String> why = qualifies(component, credit);
            if (why.isEmpty()) {
                continue;
            }
            if (credit.date() == null) {
                throw new IllegalArgumentException("component " + component.id() + " is time-boxed, so transaction "
                        + credit.transactionId() + " needs a date");
            }
            if (component.runsOn(credit.date())) {
                lines.add(bonusLine(component.id(), component.bonus(), credit, "spif " + target + why.get() + " on "
                        + credit.date() + " (runs " + component.from() + " up to " + component.to() + ")", scale));
            }
        }
        return lines;
    }

    /**
     * Whether the credit is one the spif rewards, and what to add to its explanation: the category,
     * the deal's campaign, or the campaign's latest touch that counts (the closest to the order).
     */
    private static Optional<String> qualifies(SpifComponent component, Credit credit) {
        if (component.category() != null) {
            return component.category().equals(credit.category()) ? Optional.of("") : Optional.empty();
        }
        if (component.touch().isEmpty()) {
            return component.campaign().equals(credit.campaign()) ? Optional.of("") : Optional.empty();
        }
        TouchAttribution rule = component.touch().get();
        return credit.touches().stream()
                .filter(t -> t.campaign().equals(component.campaign()) && rule.counts(t.daysBeforeOrder(), t.type()))
                .min(java.util.Comparator.comparingInt(CampaignTouch::daysBeforeOrder)
                        .thenComparing(CampaignTouch::type))
                .map(t -> " (touched: " + t.type() + " " + (t.daysBeforeOrder() == 0 ? "on the order date"
                        : t.daysBeforeOrder() + (t.daysBeforeOrder() == 1 ? " day" : " days") + " before the order")
                        + ", within " + rule.lookbackDays() + " days)");
    }

    /** A fixed bonus line has no rate: its base is the credited amount it rewards. */
    private static ExactLine bonusLine(String id, Bonus bonus, Credit credit, String reason, int scale) {
        if (bonus.isFixed()) {
            return new ExactLine(id, credit.transactionId(), 0, credit.amount(), null, bonus.amount(),
                    reason + ": fixed " + Explanations.money(bonus.amount(), scale) + " per credit");
        }
        return new ExactLine(id, credit.transactionId(), 0, credit.amount(), bonus.rate(),
                credit.amount().multiply(bonus.rate()), reason + ": " + Explanations.money(credit.amount(), scale)
                        + " × " + Explanations.percent(bonus.rate()));
    }
}
