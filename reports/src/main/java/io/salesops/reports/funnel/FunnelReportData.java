package io.salesops.reports.funnel;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Everything the funnel report of one period prints, already computed by the caller. Lists are printed
 * in the order given; an empty list prints "无 None". Money is CNY, rates are ratios (0.294 prints as 29.4%).
 *
 * @param steps             the funnel by step, in funnel order
 * @param followupsDue      already cut to the top N by the caller, as are {@code churnRisk} and {@code renewalsDue}
 */
public record FunnelReportData(
        YearMonth period,
        String funnelName,
        List<StepLine> steps,
        List<WinRateLine> winRatesByRegion,
        List<WinRateLine> winRatesBySource,
        List<DurationLine> medianTimeInStage,
        List<MovementLine> pipelineMovement,
        List<WorkItemLine> followupsDue,
        List<WorkItemLine> churnRisk,
        List<WorkItemLine> renewalsDue) {

    public FunnelReportData {
        Objects.requireNonNull(period, "period must be given");
        requireText(funnelName, "funnelName");
        steps = copy(steps, "steps");
        winRatesByRegion = copy(winRatesByRegion, "winRatesByRegion");
        winRatesBySource = copy(winRatesBySource, "winRatesBySource");
        medianTimeInStage = copy(medianTimeInStage, "medianTimeInStage");
        pipelineMovement = copy(pipelineMovement, "pipelineMovement");
        followupsDue = copy(followupsDue, "followupsDue");
        churnRisk = copy(churnRisk, "churnRisk");
        renewalsDue = copy(renewalsDue, "renewalsDue");
    }

    /**
     * One step of the funnel.
     *
     * @param nextStepRate   advanced / entered, 0..1; null when nothing entered the step
     * @param cumulativeRate entered into the next step / entered into the first, 0..1; null when not defined
     */
    public record StepLine(String step, long entered, long advanced, long lost, long open, BigDecimal nextStepRate,
                           BigDecimal cumulativeRate) {
        public StepLine {
            requireText(step, "step");
            requireCount(entered, "entered", step);
            requireCount(advanced, "advanced", step);
            requireCount(lost, "lost", step);
            requireCount(open, "open", step);
            requireRatio(nextStepRate, "nextStepRate", step);
            requireRatio(cumulativeRate, "cumulativeRate", step);
        }
    }

    /**
     * Won and lost deals of one region or source.
     *
     * @param winRate      won / (won + lost), 0..1; null when nothing closed
     * @param avgWonAmount CNY; null when nothing was won
     */
    public record WinRateLine(String value, long won, long lost, BigDecimal winRate, BigDecimal avgWonAmount) {
        public WinRateLine {
            requireText(value, "value");
            requireCount(won, "won", value);
            requireCount(lost, "lost", value);
            requireRatio(winRate, "winRate", value);
        }
    }

    /** How long deals stayed in a step: {@code n} deals, their median and 90th percentile, in days (never null). */
    public record DurationLine(String step, long n, BigDecimal medianDays, BigDecimal p90Days) {
        public DurationLine {
            requireText(step, "step");
            requireCount(n, "n", step);
            Objects.requireNonNull(medianDays, () -> "medianDays must be given (step " + step + ")");
            Objects.requireNonNull(p90Days, () -> "p90Days must be given (step " + step + ")");
        }
    }

    /**
     * One line of the pipeline movement of the period.
     *
     * @param movement one of {@code start, new, won, lost, removed, amount_change, end, advanced, regressed,
     *                 slipped, pulled_in}; printed with its Chinese and English label
     * @param amount   CNY; may be negative (an amount change, a removal)
     */
    public record MovementLine(String movement, long deals, BigDecimal amount) {
        public MovementLine {
            requireText(movement, "movement");
            FunnelReportLines.movementLabel(movement); // rejects an unknown movement here, where it is made
            requireCount(deals, "deals", movement);
            Objects.requireNonNull(amount, () -> "amount must be given (movement " + movement + ")");
        }
    }

    /**
     * One item of a work list (a follow-up due, a churn risk, a renewal due).
     *
     * @param name    nullable
     * @param owner   nullable
     * @param detail  e.g. the stage or the reason
     * @param measure already formatted by the caller, e.g. "11.0 天 days"
     * @param amount  CNY; nullable
     */
    public record WorkItemLine(String id, String name, String owner, String detail, String measure,
                               BigDecimal amount) {
        public WorkItemLine {
            requireText(id, "id");
            Objects.requireNonNull(detail, () -> "detail must be given, may be empty (item " + id + ")");
            Objects.requireNonNull(measure, () -> "measure must be given, may be empty (item " + id + ")");
        }
    }

    private static <T> List<T> copy(List<T> lines, String name) {
        Objects.requireNonNull(lines, () -> name + " must be given, may be empty");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null) {
                throw new IllegalArgumentException(name + " must not contain null, found at line " + (i + 1));
            }
        }
        return List.copyOf(lines);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, cannot be: "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    private static void requireCount(long count, String name, String line) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must be at least 0, cannot be: " + count + " (" + line + ")");
        }
    }

    private static void requireRatio(BigDecimal ratio, String name, String line) {
        if (ratio != null && (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, cannot be: " + ratio
                    + " (" + line + ")");
        }
    }
}
