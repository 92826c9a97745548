package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stage changes of one opportunity: prospecting at creation, then each open stage up to the
 * last one reached, then closed won or lost on the close date. Times strictly increase, fall in
 * office hours and never pass the window's end; the amount drifts towards the final amount. Drawn
 * from the opportunity's own stream, so the history, quotes and opportunities files agree.
 */
final class StageTimeline {
    static final List<BigDecimal> STAGE_PROBABILITY = List.of(new BigDecimal("0.1"), new BigDecimal("0.2"),
            new BigDecimal("0.5"), new BigDecimal("0.75"), BigDecimal.ONE, BigDecimal.ZERO);

    record StageChange(int stage, long second, BigDecimal amount) {
        String stageName() {
            return Vocabulary.OPPORTUNITY_STAGES.get(stage);
        }

        BigDecimal probability() {
            return STAGE_PROBABILITY.get(stage);
        }

        int day() {
            return (int) (second / 86_400);
        }
    }

    private StageTimeline() {
    }

    static List<StageChange> of(OpportunityBook opportunities, int o, int endDay, RandomStreams streams) {
        SplittableRandom random = streams.forEntity("opportunity.timeline", o);
        boolean closed = opportunities.closed(o);
        int lastOpen = opportunities.lastOpenStage[o];
        int createdDay = opportunities.createdDay(o);
        int spanEnd = closed ? opportunities.closeDay[o] : endDay;
        double span = spanEnd - createdDay;
        // open deals are part-way through their current stage, closed ones leave the last stage on close
        double slots = lastOpen + (closed ? 1 : 0.4);
        BigDecimal finalAmount = BigDecimal.valueOf(opportunities.amount[o]).setScale(2);
        double amount = opportunities.amount[o] * Draw.uniform(random, 0.7, 1.3);

        List<StageChange> changes = new ArrayList<>(lastOpen + 2);
        long previous = opportunities.createdSecond[o];
        boolean lastIsOpen = !closed;
        changes.add(new StageChange(OpportunityBook.PROSPECTING, previous,
                lastOpen == 0 && lastIsOpen ? finalAmount : Amounts.money(amount, 100)));
        for (int stage = 1; stage <= lastOpen; stage++) {
            int day = createdDay + (int) (span * (stage - 1 + Draw.uniform(random, 0.3, 0.9)) / slots);
            day = Math.min(day, closed ? spanEnd - 1 : spanEnd);
            previous = later(previous, DataWindow.officeSecond(random, day));
            amount += (opportunities.amount[o] - amount) * 0.5;
            boolean last = stage == lastOpen && lastIsOpen;
            changes.add(new StageChange(stage, previous, last ? finalAmount : Amounts.money(amount, 100)));
        }
        if (closed) {
            previous = later(previous, DataWindow.officeSecond(random, spanEnd));
            changes.add(new StageChange(opportunities.stage[o], previous, finalAmount));
        }
        return changes;
    }

    /** The change must come after the previous one; a clash moves it an hour on. */
    private static long later(long previous, long candidate) {
        return candidate > previous ? candidate : previous + 3600;
    }

    static StageChange reached(List<StageChange> changes, int stage) {
        return changes.stream().filter(c -> c.stage() == stage).findFirst().orElse(null);
    }
}
