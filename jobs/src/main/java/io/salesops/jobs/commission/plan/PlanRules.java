package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a plan's values must follow, in one place: the YAML reader reports them with file,
 * line and key, and the records enforce them again so a plan built in code cannot break them.
 */
public final class PlanRules {

    private PlanRules() {
    }

    /** One band's bounds as read; the labels are the values as the user wrote them. */
    public record Bounds(BigDecimal from, BigDecimal to, String fromLabel, String toLabel) {
        public Bounds(BigDecimal from, BigDecimal to) {
            this(from, to, label(from), label(to));
        }

        private static String label(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }
    }

    /** A broken rule at band {@code index} (0-based; -1 for the list), on its {@code from} or {@code to}. */
    public record BoundsProblem(int index, String field, String message) {
    }

    /**
     * Bands must cover [0, ∞) or [0, last to) without gaps or overlaps, in increasing order, and
     * only the last may be open-ended. {@code noun} is "tier" or "band".
     */
    public static List<BoundsProblem> contiguityProblems(List<Bounds> bands, String noun) {
        List<BoundsProblem> problems = new ArrayList<>();
        if (bands.isEmpty()) {
            problems.add(new BoundsProblem(-1, null, "needs at least one " + noun));
            return problems;
        }
        for (int i = 0; i < bands.size(); i++) {
            Bounds band = bands.get(i);
            if (i == 0 && band.from().signum() != 0) {
                problems.add(new BoundsProblem(i, "from", noun + " bounds must start at 0, cannot start at: "
                        + band.fromLabel()));
            }
            if (i > 0) {
                Bounds previous = bands.get(i - 1);
                if (previous.to() != null) {
                    int order = band.from().compareTo(previous.to());
                    if (order < 0) {
                        problems.add(new BoundsProblem(i, "from", noun + " bounds must increase: "
                                + band.fromLabel() + " after " + previous.toLabel()));
                    } else if (order > 0) {
                        problems.add(new BoundsProblem(i, "from", noun + " bounds must leave no gap: "
                                + band.fromLabel() + " after " + previous.toLabel()));
                    }
                }
            }
            if (band.to() == null && i < bands.size() - 1) {
                problems.add(new BoundsProblem(i, "to", "only the last " + noun + " may be open-ended (no to)"));
            } else if (band.to() != null && band.to().compareTo(band.from()) <= 0) {
                problems.add(new BoundsProblem(i, "to", noun + " bounds must increase: " + band.toLabel()
                        + " after " + band.fromLabel()));
            }
        }
        return problems;
    }

    /**
     * A ramp's rules, one message per broken step: months from 1 in increasing order, each share
     * above 0% (a zero quota has no attainment) and at most 100% (a ramp lowers the quota).
     */
    public static List<String> rampProblems(List<RampStep> steps) {
        List<String> problems = new ArrayList<>();
        if (steps.isEmpty()) {
            problems.add("a ramp needs at least one step");
        }
        for (int i = 0; i < steps.size(); i++) {
            RampStep step = steps.get(i);
            if (step.month() < 1) {
                problems.add("ramp months count from 1 (the hire month), cannot be: " + step.month());
            } else if (i > 0 && step.month() <= steps.get(i - 1).month()) {
                problems.add("ramp months must increase: " + step.month() + " after " + steps.get(i - 1).month());
            }
            rampShareProblem(step.share(), step.share() == null ? "null"
                    : step.share().movePointRight(2).stripTrailingZeros().toPlainString() + "%").ifPresent(problems::add);
        }
        return problems;
    }

    /** @param label the share as the author wrote it, for the message */
    static Optional<String> rampShareProblem(BigDecimal share, String label) {
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            return Optional.of("ramp quota must be above 0% and at most 100%, cannot be: " + label);
        }
        return Optional.empty();
    }

    static void requireContiguous(List<Bounds> bands, String noun) {
        List<BoundsProblem> problems = contiguityProblems(bands, noun);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
    }

    static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("component id is required");
        }
    }

    static void requireNonNegative(BigDecimal value, String what) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(what + " must be at least 0, cannot be: " + value);
        }
    }

    static void requirePositiveCap(Optional<BigDecimal> cap) {
        cap.ifPresent(c -> {
            if (c.signum() <= 0) {
                throw new IllegalArgumentException("cap must be above 0, cannot be: " + c);
            }
        });
    }
}
