package io.salesops.jobs.commission.ledger;

import java.time.Instant;

/** One entry of a period's insert-only log: what happened to it, for which run, by whom and when. */
public record PeriodEvent(String period, long sequence, PeriodStatus status, String runId, String actor, Instant at,
        String note) {
}
