-- The funnel benchmark's reference for funnel_conversion, dimensions all and source, of the two
-- shipped funnels (jobs/src/main/resources/io/salesops/jobs/funnel/lead-to-won.yaml and
-- opportunity-to-won.yaml: in order, 90-day windows), computed in DuckDB SQL straight from the
-- curated Parquet, written from the rules (jobs/.../funnel/README.md, decision 0023), not from the
-- Spark job:
-- - as of the period's end ({as_of}): members created later are in no cohort; later stage changes,
--   conversions and wins have not happened;
-- - cohort: the month, on the business calendar ({zone}), the member entered the first step;
-- - a step has a record: lead creation (created_at); a lead status at or past it in the order new,
--   contacted, mql, sql, converted (no instant); the conversion (converted_opportunity_id, at
--   converted_at); a stage's first entry in the stage history; won (the stage at the period's end
--   is closed_won, at that change). A deal without any history has a record of its current stage only;
-- - in order: reached = a record of the step or a later one (or won); reached without a record =
--   skipped;
-- - outcome at the period's end: won, lost (closed_lost, or a disqualified lead without a deal),
--   open; a member that reached a step and not the next is lost or open there; at the last step
--   every member that entered it advanced;
-- - converted_in_window: reached the next step within 90 days of entering the step; a missing
--   entry instant is the nearest earlier step's, a missing arrival the nearest later step's; none
--   at all counts as in window; at the last step, every one that advanced;
-- - mature: false while the cohort's last day + the step's window is after the period's last day;
-- - next_step_rate = advanced / entered, cumulative_rate = advanced / entered at the first step,
--   half up to 6 decimals, empty when nobody entered; source: the lead's source, the opportunity's
--   lead_source, '(none)' when missing.
-- The macro half_up (reference-functions.sql) rounds. Parameters: {as_of} (the first instant after the period, UTC), {zone}, {period_last_day}. Views
-- leads, opportunities and opportunity_stage_history exist.
WITH history AS (
    SELECT opportunity_id, stage, changed_at FROM opportunity_stage_history
    WHERE changed_at < TIMESTAMPTZ '{as_of}'),
first_entries AS (
    SELECT opportunity_id,
           min(changed_at) FILTER (WHERE stage = 'qualification') AS qualification_at,
           min(changed_at) FILTER (WHERE stage = 'proposal') AS proposal_at,
           min(changed_at) FILTER (WHERE stage = 'negotiation') AS negotiation_at,
           arg_max(stage, changed_at) AS end_stage, max(changed_at) AS end_stage_at
    FROM history GROUP BY opportunity_id),
deals AS (
    SELECT o.opportunity_id, o.created_at, o.lead_source,
           CASE WHEN NOT EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.opportunity_id)
                THEN 'no_history' ELSE 'history' END AS kind,
           f.qualification_at, f.proposal_at, f.negotiation_at, f.end_stage, f.end_stage_at, o.stage AS current_stage
    FROM opportunities o LEFT JOIN first_entries f USING (opportunity_id)
    WHERE o.created_at < TIMESTAMPTZ '{as_of}'),
deal_steps AS (
    -- per deal: a record of each open stage (and its instant), won, the outcome at the period's end
    SELECT opportunity_id, created_at, lead_source,
           CASE WHEN kind = 'no_history' THEN current_stage = 'qualification' ELSE qualification_at IS NOT NULL END
               AS has_qualification,
           CASE WHEN kind = 'no_history' THEN current_stage = 'proposal' ELSE proposal_at IS NOT NULL END AS has_proposal,
           CASE WHEN kind = 'no_history' THEN current_stage = 'negotiation' ELSE negotiation_at IS NOT NULL END
               AS has_negotiation,
           qualification_at, proposal_at, negotiation_at,
           coalesce(CASE WHEN kind = 'no_history' THEN current_stage ELSE end_stage END, 'prospecting') AS end_stage,
           CASE WHEN kind = 'history' AND end_stage = 'closed_won' THEN end_stage_at END AS won_at
    FROM deals),
deal_outcomes AS (
    SELECT *, end_stage = 'closed_won' AS has_won,
           CASE end_stage WHEN 'closed_won' THEN 'won' WHEN 'closed_lost' THEN 'lost' ELSE 'open' END AS outcome
    FROM deal_steps),
lead_members AS (
    SELECT l.lead_id AS member_id, l.created_at, l.source,
           CASE l.status WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'mql' THEN 2 WHEN 'sql' THEN 3
                         WHEN 'converted' THEN 4 END AS status_rank,
           l.status,
           l.converted_opportunity_id IS NOT NULL AND coalesce(l.converted_at < TIMESTAMPTZ '{as_of}', true)
               AS converted,
           l.converted_at, l.converted_opportunity_id
    FROM leads l
    WHERE l.created_at < TIMESTAMPTZ '{as_of}'),
lead_journeys AS (
    SELECT m.member_id, m.created_at, m.source AS source,
           CASE WHEN m.converted THEN coalesce(d.outcome, 'open')
                WHEN m.status = 'disqualified' THEN 'lost' ELSE 'open' END AS outcome,
           m.status_rank, m.converted, m.converted_at,
           m.converted AND coalesce(d.has_qualification, false) AS has_qualification,
           m.converted AND coalesce(d.has_proposal, false) AS has_proposal,
           m.converted AND coalesce(d.has_negotiation, false) AS has_negotiation,
           m.converted AND coalesce(d.has_won, false) AS has_won,
           CASE WHEN m.converted THEN d.qualification_at END AS qualification_at,
           CASE WHEN m.converted THEN d.proposal_at END AS proposal_at,
           CASE WHEN m.converted THEN d.negotiation_at END AS negotiation_at,
           CASE WHEN m.converted THEN d.won_at END AS won_at
    FROM lead_members m LEFT JOIN deal_outcomes d ON d.opportunity_id = m.converted_opportunity_id),
-- per member: the funnel's steps in order, whether each has a record, and its instant when known
journeys AS (
    SELECT 'lead-to-won' AS funnel, member_id, created_at AS cohort_at, source, outcome,
           ['lead', 'mql', 'sql', 'opportunity', 'qualification', 'proposal', 'negotiation', 'won'] AS steps,
           [true, coalesce(status_rank >= 2, false), coalesce(status_rank >= 3, false), converted, has_qualification,
            has_proposal, has_negotiation, has_won] AS records,
           [created_at, NULL, NULL, CASE WHEN converted THEN converted_at END, qualification_at, proposal_at,
            negotiation_at, won_at] AS instants
    FROM lead_journeys
    UNION ALL
    SELECT 'opportunity-to-won', opportunity_id, created_at, lead_source, outcome,
           ['opportunity', 'qualification', 'proposal', 'negotiation', 'won'],
           [true, has_qualification, has_proposal, has_negotiation, has_won],
           [created_at, qualification_at, proposal_at, negotiation_at, won_at]
    FROM deal_outcomes),
reached AS (
    SELECT funnel, source, outcome, steps, records, instants, len(steps) AS step_count,
           list_max(list_transform(range(len(steps)), lambda i: CASE WHEN records[i + 1] THEN i END)) AS last_reached,
           strftime(timezone('{zone}', cohort_at), '%Y-%m') AS cohort_month
    FROM journeys),
-- per member and step before its last: whether it arrived at the next step within 90 days of entering
-- this one (entered: the latest instant known up to the step; arrived: the first known after it)
windowed AS (
    SELECT funnel, cohort_month, source, outcome, steps, step_count, records, last_reached,
           list_transform(range(step_count), lambda j: j < last_reached AND coalesce(
               epoch_us(list_filter(instants[j + 2:], lambda x: x IS NOT NULL)[1])
               - epoch_us(list_filter(instants[1:j + 1], lambda x: x IS NOT NULL)[-1])
               <= 90 * 86400 * 1000000::BIGINT, true)) AS in_window
    FROM reached),
-- members alike in everything counted, then one row per such group and step
alike AS (
    SELECT funnel, cohort_month, source, outcome, any_value(steps) AS steps, any_value(step_count) AS step_count,
           records, last_reached, in_window, count(*) AS members
    FROM windowed GROUP BY funnel, cohort_month, source, outcome, records, last_reached, in_window),
placed AS (
    SELECT funnel, cohort_month, source, outcome, step_count, last_reached, members, step_order,
           steps[step_order + 1] AS step, records[step_order + 1] AS recorded, in_window[step_order + 1] AS in_window
    FROM (SELECT *, unnest(range(step_count)) AS step_order FROM alike)),
counted AS (
    SELECT funnel, cohort_month, GROUPING(source) = 1 AS overall, coalesce(source, '(none)') AS source_value, step,
           step_order, any_value(step_count) AS step_count,
           sum(members) FILTER (WHERE step_order <= last_reached) AS entered,
           sum(members) FILTER (WHERE step_order < last_reached
                                    OR (step_order = step_count - 1 AND step_order <= last_reached)) AS advanced,
           sum(members) FILTER (WHERE step_order = last_reached AND step_order < step_count - 1 AND outcome = 'lost')
               AS lost,
           sum(members) FILTER (WHERE step_order = last_reached AND step_order < step_count - 1 AND outcome = 'open')
               AS open,
           sum(members) FILTER (WHERE step_order <= last_reached AND NOT recorded) AS skipped,
           sum(members) FILTER (WHERE in_window OR (step_order = step_count - 1 AND step_order <= last_reached))
               AS converted_in_window
    FROM placed
    GROUP BY GROUPING SETS ((funnel, cohort_month, step, step_order), (funnel, cohort_month, source, step, step_order))),
rated AS (
    SELECT *, max(CASE WHEN step_order = 0 THEN entered END) OVER (PARTITION BY funnel, cohort_month, overall, source_value)
               AS first_entered
    FROM counted)
SELECT funnel, cohort_month, CASE WHEN overall THEN 'all' ELSE 'source' END AS dimension,
       CASE WHEN overall THEN 'all' ELSE source_value END AS dimension_value, step, step_order::BIGINT AS step_order,
       coalesce(entered, 0)::BIGINT AS entered, coalesce(advanced, 0)::BIGINT AS advanced,
       coalesce(lost, 0)::BIGINT AS lost, coalesce(open, 0)::BIGINT AS open, coalesce(skipped, 0)::BIGINT AS skipped,
       coalesce(converted_in_window, 0)::BIGINT AS converted_in_window,
       CAST(CAST(half_up(coalesce(advanced, 0), entered, 1000000) AS DECIMAL(18,0)) * 0.000001 AS DECIMAL(18,6)) AS next_step_rate,
       CAST(CAST(half_up(coalesce(advanced, 0), first_entered, 1000000) AS DECIMAL(18,0)) * 0.000001 AS DECIMAL(18,6))
           AS cumulative_rate,
       NOT (last_day(CAST(cohort_month || '-01' AS DATE)) + INTERVAL 90 DAY > DATE '{period_last_day}') AS mature
FROM rated
