-- The funnel benchmark's reference for win_rates, computed in DuckDB SQL straight from the curated
-- Parquet, written from the rules (jobs/.../funnel/README.md "win_rates", decision 0023), not from
-- the Spark job:
-- - won and lost: the deals whose last stage change before the period's end ({as_of}) is
--   closed_won or closed_lost and falls in the period (from {period_start}); a deal without any
--   stage history counts at its current stage, closed on its close date;
-- - open_deals: deals created before the period's end and not closed at it;
-- - amounts (opportunities.amount) in CNY at the period's rate (fx_rates.rate_date = its first day,
--   CNY at 1); win_rate = won / (won + lost), win_rate_amount on the amounts, avg_won_amount = won
--   amount / won, avg_cycle_days = mean days from created_at to the win, pipeline_velocity = open
--   deals × win rate × average won amount ÷ average cycle days (the row's own rounded figures);
--   rates half up to 6 decimals, money to the cent (the macro half_up of reference-functions.sql);
-- - dimensions over the deal: all; source (lead_source); campaign (campaign_id); region (the
--   account's, else the owner's territory's); territory and team (the owner's); rep (the owner);
--   industry (the account's); customer_type (existing when the account's ERP customer has an order
--   dated before the day, on the business calendar, the deal was created; else new); '(none)' for
--   a missing value. Rows: every dimension value with a deal won, lost or open;
--   missing_rates counts the closed deals without a rate (the job fails on them).
-- Parameters: {as_of}, {period_start} (instants, UTC), {zone}, {period}, {period_first_day},
-- {period_last_day}. Views opportunities, opportunity_stage_history, reps, territories, accounts,
-- orders and fx_rates exist.
WITH last_changes AS (
    SELECT opportunity_id, arg_max(stage, changed_at) AS stage, max(changed_at) AS changed_at
    FROM opportunity_stage_history WHERE changed_at < TIMESTAMPTZ '{as_of}'
    GROUP BY opportunity_id),
with_history AS (SELECT DISTINCT opportunity_id FROM opportunity_stage_history),
first_orders AS (SELECT customer_id, min(order_date) AS first_order_date FROM orders GROUP BY customer_id),
deals AS (
    SELECT o.opportunity_id, o.created_at, o.lead_source, o.campaign_id, o.owner_rep_id, r.territory_id, r.team_id,
           coalesce(a.region, t.region) AS region, a.industry,
           CASE WHEN fo.first_order_date < CAST(timezone('{zone}', o.created_at) AS DATE) THEN 'existing'
                ELSE 'new' END AS customer_type,
           CASE WHEN w.opportunity_id IS NOT NULL THEN coalesce(c.stage, 'prospecting')
                WHEN o.stage IN ('closed_won', 'closed_lost') AND o.close_date > DATE '{period_last_day}' THEN 'open'
                ELSE o.stage END AS end_stage,
           CASE WHEN w.opportunity_id IS NOT NULL THEN c.changed_at >= TIMESTAMPTZ '{period_start}'
                ELSE o.close_date BETWEEN DATE '{period_first_day}' AND DATE '{period_last_day}' END AS closed_in_period,
           CASE WHEN w.opportunity_id IS NOT NULL THEN c.changed_at
                ELSE timezone('{zone}', o.close_date::TIMESTAMP) END AS closed_at,
           o.amount, o.amount * CASE WHEN o.currency = 'CNY' THEN 1 ELSE f.rate_to_cny END AS amount_cny
    FROM opportunities o
    LEFT JOIN last_changes c USING (opportunity_id)
    LEFT JOIN with_history w USING (opportunity_id)
    LEFT JOIN reps r ON r.rep_id = o.owner_rep_id
    LEFT JOIN territories t ON t.territory_id = r.territory_id
    LEFT JOIN accounts a ON a.account_id = o.account_id
    LEFT JOIN first_orders fo ON fo.customer_id = a.customer_id
    LEFT JOIN fx_rates f ON f.currency = o.currency AND f.rate_date = DATE '{period_first_day}'
    WHERE o.created_at < TIMESTAMPTZ '{as_of}'),
flagged AS (
    SELECT *, closed_in_period AND end_stage = 'closed_won' AS is_won,
           closed_in_period AND end_stage = 'closed_lost' AS is_lost,
           end_stage NOT IN ('closed_won', 'closed_lost') AS is_open
    FROM deals),
by_value AS (
    SELECT d.dimension, d.dimension_value,
           count(*) FILTER (WHERE is_won) AS won, count(*) FILTER (WHERE is_lost) AS lost,
           count(*) FILTER (WHERE is_open) AS open_deals,
           coalesce(sum(amount_cny) FILTER (WHERE is_won), 0) AS won_amount,
           coalesce(sum(amount_cny) FILTER (WHERE is_lost), 0) AS lost_amount,
           count(*) FILTER (WHERE (is_won OR is_lost) AND amount IS NOT NULL AND amount_cny IS NULL) AS missing_rates,
           sum(epoch_us(closed_at) - epoch_us(created_at)) FILTER (WHERE is_won) AS cycle_us
    FROM flagged
    CROSS JOIN LATERAL (VALUES
        ('all', 'all'), ('source', coalesce(lead_source, '(none)')), ('campaign', coalesce(campaign_id, '(none)')),
        ('region', coalesce(region, '(none)')), ('territory', coalesce(territory_id, '(none)')),
        ('team', coalesce(team_id, '(none)')), ('rep', coalesce(owner_rep_id, '(none)')),
        ('industry', coalesce(industry, '(none)')), ('customer_type', customer_type)) d(dimension, dimension_value)
    GROUP BY d.dimension, d.dimension_value
    HAVING count(*) FILTER (WHERE is_won OR is_lost OR is_open) > 0),
rates AS (
    SELECT *,
           CAST(CAST(half_up(won, won + lost, 1000000) AS DECIMAL(18,0)) * 0.000001 AS DECIMAL(18,6)) AS win_rate,
           CAST(CAST(half_up(won_amount * 100000000, (won_amount + lost_amount) * 100000000, 1000000) AS DECIMAL(18,0))
                * 0.000001 AS DECIMAL(18,6)) AS win_rate_amount,
           CAST(CAST(half_up(won_amount * 100000000, won * 100000000, 100) AS DECIMAL(18,0)) * 0.01 AS DECIMAL(18,2))
               AS avg_won_amount,
           CAST(CAST(half_up(cycle_us, won * 86400000000, 1000000) AS DECIMAL(18,0)) * 0.000001 AS DECIMAL(18,6))
               AS avg_cycle_days
    FROM by_value)
SELECT '{period}' AS period, dimension, dimension_value, won, lost, open_deals, win_rate, win_rate_amount,
       avg_won_amount, avg_cycle_days,
       CAST(CAST(half_up(open_deals * win_rate * avg_won_amount * 100000000, avg_cycle_days * 100000000, 100)
                 AS DECIMAL(18,0)) * 0.01 AS DECIMAL(18,2)) AS pipeline_velocity,
       missing_rates
FROM rates
