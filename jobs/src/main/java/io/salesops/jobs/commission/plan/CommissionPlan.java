package io.salesops.jobs.commission.plan;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a commission plan, effective on [effectiveFrom, effectiveTo); effectiveTo is
 * null while the version has no planned end. {@code ramp} is the plan-level quota ramp for new
 * hires, used by quota_attainment components without a ramp of their own. Built by
 * {@link PlanFile} from YAML.
 */
public record CommissionPlan(String id, int version, LocalDate effectiveFrom, LocalDate effectiveTo,
        Basis basis, String currency, Rounding rounding, List<Component> components, Optional<Ramp> ramp) {

    public CommissionPlan {
        PlanRules.requireId(id);
        if (version < 1) {
            throw new IllegalArgumentException("plan version must be at least 1, cannot be: " + version);
        }
        if (effectiveFrom == null || (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom))) {
            throw new IllegalArgumentException("effective_to must be after effective_from " + effectiveFrom
                    + ", cannot be: " + effectiveTo);
        }
        if (basis == null || currency == null || rounding == null || ramp == null) {
            throw new IllegalArgumentException("basis, currency, rounding and ramp (may be empty) are required");
        }
        components = List.copyOf(components);
        Set<String> ids = new HashSet<>();
        for (Component component : components) {
            if (!ids.add(component.id())) {
                throw new IllegalArgumentException("component ids must be unique, repeated: " + component.id());
            }
        }
        if (components.stream().filter(CapComponent.class::isInstance).count() > 1) {
            throw new IllegalArgumentException("a plan has at most one cap component");
        }
        if (components.stream().filter(DrawComponent.class::isInstance).count() > 1) {
            throw new IllegalArgumentException("a plan has at most one draw component");
        }
        for (Component component : components) {
            if (component instanceof CapComponent cap) {
                // fields are assigned after this constructor body, so look in the parameter, not earning()
                List<Component> all = components;
                cap.appliesTo().stream().filter(target -> all.stream().noneMatch(c -> c instanceof EarningComponent
                        && c.id().equals(target))).findFirst().ifPresent(target -> {
                    throw new IllegalArgumentException("cap " + cap.id() + " names no earning component: " + target);
                });
                cap.appliesTo().stream().filter(target -> all.stream().anyMatch(c -> c instanceof AttainmentComponent a
                        && a.id().equals(target) && a.trueUp() == TrueUp.YEAR_TO_DATE)).findFirst().ifPresent(target -> {
                    throw new IllegalArgumentException("cap " + cap.id()
                            + " cannot name a year-to-date true-up component yet: " + target);
                });
            }
        }
    }

    /** A plan without a plan-level ramp. */
    public CommissionPlan(String id, int version, LocalDate effectiveFrom, LocalDate effectiveTo, Basis basis,
            String currency, Rounding rounding, List<Component> components) {
        this(id, version, effectiveFrom, effectiveTo, basis, currency, rounding, components, Optional.empty());
    }

    /** The ramp that applies to {@code component}: its own, else the plan's. */
    public Optional<Ramp> rampFor(AttainmentComponent component) {
        return component.ramp().or(() -> ramp);
    }

    public boolean isEffectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    public Optional<DrawComponent> draw() {
        return components.stream().filter(DrawComponent.class::isInstance).map(DrawComponent.class::cast).findFirst();
    }

    public Optional<EarningComponent> earning(String componentId) {
        return components.stream().filter(c -> c instanceof EarningComponent && c.id().equals(componentId))
                .map(EarningComponent.class::cast).findFirst();
    }
}
