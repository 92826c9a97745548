package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.PeriodStatus;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

/**
 * What follows a commission run for the later periods that read its results (the month after, the
 * rest of the year): either a note for each that is out of date now, or their recalculation, month
 * by month ({@link CommissionPeriods#recalculateLater}). The caller launches the job and prints; the
 * decisions are made here.
 */
public final class LaterPeriods {

    /** Runs the commissions job for one period; fails when the run does not complete. */
    @FunctionalInterface
    public interface Launcher {
        void run(YearMonth period) throws Exception;
    }

    private final CommissionPeriods periods;

    public LaterPeriods(CommissionPeriods periods) {
        this.periods = periods;
    }

    /** One note per later period that read {@code calculated}'s earlier results and is out of date now. */
    public List<String> outOfDateNotes(YearMonth calculated) {
        return periods.outOfDateAfter(calculated.toString()).stream()
                .map(later -> "note: commission period " + later + " read " + calculated + "'s earlier results and is"
                        + " out of date now; run `salesops run commissions --period " + later + "` again before"
                        + " approving it (--and-later does that for every such period)")
                .toList();
    }

    /**
     * Calculates again each later period {@code calculated} made out of date, telling {@code say}
     * before each (and when that withdraws an approval). A failure stops the walk: what is still out
     * of date is told, then the failure is thrown.
     */
    public void recalculate(YearMonth calculated, Consumer<String> say, Launcher launcher) {
        periods.recalculateLater(calculated.toString(), text -> {
            YearMonth later = YearMonth.parse(text);
            String approval = periods.current(text).filter(e -> e.status() == PeriodStatus.APPROVED)
                    .map(e -> "; its approval by " + e.actor() + " is withdrawn and it must be approved again")
                    .orElse("");
            say.accept("commission period " + later + " is out of date: calculating it again" + approval);
            try {
                launcher.run(later);
            } catch (Exception e) {
                outOfDateNotes(later).forEach(say);
                throw e instanceof RuntimeException unchecked ? unchecked
                        : new IllegalStateException("commission period " + later + ": " + e.getMessage(), e);
            }
        });
    }
}
