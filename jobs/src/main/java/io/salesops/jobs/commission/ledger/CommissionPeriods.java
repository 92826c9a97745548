package io.salesops.jobs.commission.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The commission periods' states, kept as an insert-only log in the job database (H2 or
 * PostgreSQL, beside Spring Batch's tables): a period's status is its latest entry. Each entry
 * names the run, the person and the time, so the log answers who approved and closed what. The
 * primary key (period, sequence) makes two concurrent transitions of one period collide instead
 * of both succeeding.
 */
public final class CommissionPeriods {

    static final String TABLE = "salesops_commission_period_log";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CommissionPeriods(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + TABLE + " (period VARCHAR(7) NOT NULL, seq BIGINT NOT NULL,"
                + " status VARCHAR(16) NOT NULL, run_id VARCHAR(40) NOT NULL, actor VARCHAR(200) NOT NULL,"
                + " recorded_at TIMESTAMP NOT NULL, note VARCHAR(2000), PRIMARY KEY (period, seq))").update();
    }

    public Optional<PeriodEvent> current(String period) {
        List<PeriodEvent> events = history(period);
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    public List<PeriodEvent> history(String period) {
        return jdbc.sql("SELECT period, seq, status, run_id, actor, recorded_at, note FROM " + TABLE
                        + " WHERE period = ? ORDER BY seq")
                .param(period)
                .query(CommissionPeriods::event)
                .list();
    }

    /** Every period's current entry (its latest), oldest period first. */
    public List<PeriodEvent> allCurrent() {
        return jdbc.sql("SELECT l.period, l.seq, l.status, l.run_id, l.actor, l.recorded_at, l.note FROM " + TABLE
                        + " l WHERE l.seq = (SELECT MAX(m.seq) FROM " + TABLE + " m WHERE m.period = l.period)"
                        + " ORDER BY l.period")
                .query(CommissionPeriods::event)
                .list();
    }

    private static PeriodEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PeriodEvent(rs.getString(1), rs.getLong(2), PeriodStatus.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }

    /** Every period whose latest entry is CLOSED. */
    public Set<String> closedPeriods() {
        return allCurrent().stream().filter(e -> e.status() == PeriodStatus.CLOSED).map(PeriodEvent::period)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    /** Refuses to calculate a closed period, saying where its corrections go. */
    public void requireOpen(String period) {
        current(period).filter(e -> e.status() == PeriodStatus.CLOSED).ifPresent(closed -> {
            throw new IllegalStateException("commission period " + period + " is closed (by " + closed.actor() + " at "
                    + closed.at() + ", run " + closed.runId() + ") and never changes; corrections to it post as"
                    + " adjustments to the next open period when that period is calculated");
        });
    }

    /** A run's results were published for the period: it is CALCULATED again (an approval is withdrawn). */
    public PeriodEvent calculated(String period, String runId, String actor) {
        requireOpen(period);
        String note = current(period).filter(e -> e.status() == PeriodStatus.APPROVED)
                .map(e -> "replaces run " + e.runId() + ", approved by " + e.actor() + ": approval withdrawn")
                .orElse(null);
        return append(period, PeriodStatus.CALCULATED, runId, actor, note);
    }

    public PeriodEvent approve(String period, String actor) {
        PeriodEvent current = require(period, PeriodStatus.CALCULATED, "approve");
        requireUpToDate(period, "approve");
        return append(period, PeriodStatus.APPROVED, current.runId(), actor, null);
    }

    /**
     * Refuses to approve or close a period calculated before one of the periods whose statements
     * its calculation read was calculated again: the month before (a draw's opening balance) and
     * the year's earlier months (a year-to-date true-up). Its figures may rest on results that no
     * longer stand, so it must be calculated again first.
     */
    private void requireUpToDate(String period, String action) {
        staleness(period).ifPresent(why -> {
            throw new IllegalStateException("cannot " + action + " commission period " + period + ": " + why);
        });
    }

    /**
     * Why the period's current results may no longer stand, when they may not: a period it reads
     * (the month before, the year's earlier months) was calculated after it. Empty for a period
     * that is closed, never calculated, or up to date.
     */
    public Optional<String> staleness(String period) {
        if (current(period).map(e -> e.status() == PeriodStatus.CLOSED).orElse(true)) {
            return Optional.empty();
        }
        PeriodEvent calculated = latest(period, PeriodStatus.CALCULATED).orElseThrow();
        YearMonth month = YearMonth.parse(period);
        List<String> later = new java.util.ArrayList<>();
        for (YearMonth earlier = month.minusMonths(1); reads(month, earlier); earlier = earlier.minusMonths(1)) {
            latest(earlier.toString(), PeriodStatus.CALCULATED).filter(e -> e.at().isAfter(calculated.at()))
                    .ifPresent(e -> later.add(e.period() + " (run " + e.runId() + " at " + e.at() + ")"));
        }
        return later.isEmpty() ? Optional.empty() : Optional.of("it was calculated (run " + calculated.runId()
                + " at " + calculated.at() + ") before the latest calculation of " + String.join(", ", later)
                + ", whose statements it reads (draw balance, year-to-date figures); run `salesops run commissions"
                + " --period " + period + "` again first");
    }

    /**
     * The later periods that read this one (the month after, the rest of its year) and are out of
     * date now: what to calculate again after calculating it.
     */
    public List<String> outOfDateAfter(String period) {
        YearMonth month = YearMonth.parse(period);
        List<String> later = new java.util.ArrayList<>();
        for (YearMonth next = month.plusMonths(1); reads(next, month); next = next.plusMonths(1)) {
            if (staleness(next.toString()).isPresent()) {
                later.add(next.toString());
            }
        }
        return later;
    }

    /**
     * Calculates again, month by month, the later periods made out of date by calculating {@code
     * period}: those that read it, then those that read one of them, and so on (a December
     * recalculated leaves the January that reads it out of date in turn, so January is visited
     * after December, never before). Returns them in that order. A period out of date for another
     * reason, and a closed period (its corrections post to the next open period), is left alone.
     * A failing {@code calculate} stops the walk; the periods after it stay out of date, and say so.
     *
     * @param calculate runs the commission job for one period and records it CALCULATED
     */
    public List<String> recalculateLater(String period, java.util.function.Consumer<String> calculate) {
        YearMonth start = YearMonth.parse(period);
        YearMonth last = latestCalculated().orElse(start);
        List<YearMonth> changed = new java.util.ArrayList<>(List.of(start));
        List<String> recalculated = new java.util.ArrayList<>();
        for (YearMonth next = start.plusMonths(1); !next.isAfter(last); next = next.plusMonths(1)) {
            YearMonth month = next;
            if (changed.stream().anyMatch(earlier -> reads(month, earlier))
                    && staleness(month.toString()).isPresent()) {
                calculate.accept(month.toString());
                recalculated.add(month.toString());
                changed.add(month);
            }
        }
        return recalculated;
    }

    private Optional<YearMonth> latestCalculated() {
        return Optional.ofNullable(jdbc.sql("SELECT MAX(period) FROM " + TABLE + " WHERE status = 'CALCULATED'")
                .query(String.class).single()).map(YearMonth::parse);
    }

    /**
     * Whether a calculation of {@code later} reads the published statements of {@code earlier}: the
     * month before (a draw's opening balance) and the earlier months of its year (a year-to-date
     * true-up).
     */
    private static boolean reads(YearMonth later, YearMonth earlier) {
        return earlier.isBefore(later)
                && (earlier.getYear() == later.getYear() || earlier.equals(later.minusMonths(1)));
    }

    private Optional<PeriodEvent> latest(String period, PeriodStatus status) {
        List<PeriodEvent> events = history(period).stream().filter(e -> e.status() == status).toList();
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /**
     * Closes an approved period: {@code beforeClosing} writes what must exist once it is closed
     * (its ledger entries) and runs first, so a crash leaves it APPROVED and closing can be repeated.
     */
    public PeriodEvent close(String period, String actor, java.util.function.Consumer<PeriodEvent> beforeClosing) {
        PeriodEvent approved = require(period, PeriodStatus.APPROVED, "close");
        requireUpToDate(period, "close");
        beforeClosing.accept(approved);
        return append(period, PeriodStatus.CLOSED, approved.runId(), actor, null);
    }

    private PeriodEvent require(String period, PeriodStatus expected, String action) {
        PeriodEvent current = current(period).orElseThrow(() -> new IllegalStateException("commission period "
                + period + " has not been calculated; run `salesops run commissions --period " + period + "` first"));
        if (current.status() != expected) {
            throw new IllegalStateException("cannot " + action + " commission period " + period + ": it is "
                    + current.status() + " (run " + current.runId() + ", by " + current.actor() + " at " + current.at()
                    + "); only a " + expected + " period can be " + (action.equals("close") ? "closed" : "approved"));
        }
        return current;
    }

    private PeriodEvent append(String period, PeriodStatus status, String runId, String actor, String note) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("who " + status.name().toLowerCase() + " the period is required");
        }
        long sequence = current(period).map(PeriodEvent::sequence).orElse(0L) + 1;
        PeriodEvent event = new PeriodEvent(period, sequence, status, runId, actor, clock.instant(), note);
        jdbc.sql("INSERT INTO " + TABLE + " (period, seq, status, run_id, actor, recorded_at, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(period, sequence, status.name(), runId, actor, Timestamp.from(event.at()), note).update();
        return event;
    }
}
