package io.salesops.jobs.funnel;

/**
 * One step of a funnel and the record that shows a member reached it.
 *
 * @param value      the lead status ({@link Evidence#LEAD_STATUS}) or opportunity stage ({@link Evidence#STAGE})
 * @param windowDays this step's conversion window; null for the funnel's default
 */
public record FunnelStep(String id, String name, Evidence evidence, String value, Integer windowDays) {

    /** Where the record of a step is found in the canonical tables. */
    public enum Evidence {
        /** {@code leads.created_at} */
        LEAD_CREATED,
        /**
         * {@code leads.status} at or past the value, in the order new, contacted, mql, sql, converted
         * (leads carry no status history: the instant is unknown)
         */
        LEAD_STATUS,
        /** {@code leads.converted_opportunity_id}, at {@code converted_at} */
        CONVERTED,
        /** {@code opportunities.created_at} */
        OPPORTUNITY_CREATED,
        /** the first {@code opportunity_stage_history} row of the stage */
        STAGE,
        /** {@code opportunities.is_won}, at the first closed_won change (else the close date) */
        WON
    }
}
