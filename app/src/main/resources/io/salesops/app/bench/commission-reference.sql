-- The commission benchmark's reference: the bench plan (cash basis; base rate on every credit;
-- marginal tiers on each rep's total) computed in DuckDB SQL straight from the curated Parquet,
-- independently of the Spark job. Same rules: a payment earns the invoice's net in the share of
-- the gross it pays of what is still owed (after credit notes dated by then); a credit note
-- claws back what had been paid beyond the lowered total; events spread over order lines (6
-- decimals); credited by contract splits, else the ERP salesperson, plus industry overlays; no
-- credit after the rep's termination; each line rounded half-up to the cent once.
-- Parameters: {from}, {to} (the period's first and last day), {base_rate}, {tier_bound},
-- {tier1_rate}, {tier2_rate}. Views orders, order_lines, invoices, payments, credit_notes,
-- contracts, customers, accounts, opportunity_splits, reps, territories, fx_rates exist. Amounts
-- are converted to CNY at the latest rate dated on or before the event.
WITH inv AS (
    SELECT invoice_id, order_id, customer_id, rep_id, currency, net_amount AS i_net,
           net_amount + tax_amount AS i_gross
    FROM invoices),
pay AS (
    SELECT p.payment_id, p.invoice_id, p.payment_date, p.amount,
           coalesce(sum(p.amount) OVER (PARTITION BY p.invoice_id ORDER BY p.payment_date, p.payment_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS paid_before
    FROM payments p),
paid AS (
    SELECT p.payment_id AS source_key, p.payment_date AS event_date, i.order_id, i.customer_id, i.rep_id,
           i.currency,
           CAST(i.i_net * greatest(0, least(p.amount, i.i_gross
                - coalesce((SELECT sum(c.net_amount + c.tax_amount) FROM credit_notes c
                            WHERE c.invoice_id = p.invoice_id AND c.issue_date <= p.payment_date), 0)
                - p.paid_before)) / i.i_gross AS DECIMAL(24,6)) AS event_net
    FROM pay p JOIN inv i USING (invoice_id)
    WHERE p.payment_date BETWEEN DATE '{from}' AND DATE '{to}'),
notes AS (
    SELECT c.credit_note_id, c.invoice_id, c.issue_date, c.net_amount + c.tax_amount AS cn_gross,
           coalesce(sum(c.net_amount + c.tax_amount) OVER (PARTITION BY c.invoice_id ORDER BY c.issue_date,
                    c.credit_note_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS noted_before
    FROM credit_notes c),
refunded AS (
    SELECT n.credit_note_id AS source_key, n.issue_date AS event_date, i.order_id, i.customer_id, i.rep_id,
           i.currency,
           CAST(-(i.i_net * (greatest(0, pd.paid - (i.i_gross - n.noted_before - n.cn_gross))
                             - greatest(0, pd.paid - (i.i_gross - n.noted_before))) / i.i_gross) AS DECIMAL(24,6))
               AS event_net
    FROM notes n JOIN inv i USING (invoice_id)
    CROSS JOIN LATERAL (SELECT coalesce(sum(p.amount), 0) AS paid FROM payments p
                        WHERE p.invoice_id = n.invoice_id AND p.payment_date <= n.issue_date) pd
    WHERE n.issue_date BETWEEN DATE '{from}' AND DATE '{to}'),
events AS (SELECT * FROM paid UNION ALL SELECT * FROM refunded),
lines AS (
    SELECT l.order_id, l.line_no, l.net_amount AS line_net, sum(l.net_amount) OVER (PARTITION BY l.order_id) AS order_net
    FROM order_lines l),
spread AS (
    SELECT e.*, coalesce(o.order_date, e.event_date) AS order_date,
           CASE WHEN l.line_no IS NOT NULL AND l.order_net <> 0
                THEN CAST(l.line_net * CAST(e.event_net / l.order_net AS DECIMAL(28,16)) AS DECIMAL(24,6))
                ELSE e.event_net END AS amount
    FROM events e
    LEFT JOIN lines l ON l.order_id = e.order_id
    LEFT JOIN orders o ON o.order_id = e.order_id
    WHERE e.event_net <> 0),
contract_deals AS (
    SELECT cu.customer_id, k.contract_id, k.opportunity_id, k.signed_date,
           coalesce(k.start_date, k.signed_date) AS from_date, coalesce(k.end_date, DATE '9999-12-31') AS to_date
    FROM customers cu JOIN contracts k ON k.account_id = cu.account_id
    WHERE cu.account_id IS NOT NULL AND k.opportunity_id IS NOT NULL),
with_deal AS (
    SELECT s.*, (SELECT d.opportunity_id FROM contract_deals d
                 WHERE d.customer_id = s.customer_id AND s.order_date BETWEEN d.from_date AND d.to_date
                 ORDER BY d.signed_date DESC NULLS LAST, d.contract_id DESC LIMIT 1) AS opportunity_id
    FROM spread s),
owned AS (
    SELECT coalesce(sp.rep_id, w.rep_id) AS credited, w.event_date, w.currency,
           CASE WHEN sp.rep_id IS NULL THEN 1 ELSE CAST(sp.split_percent / 100 AS DECIMAL(18,8)) END AS share,
           w.amount
    FROM with_deal w LEFT JOIN opportunity_splits sp ON sp.opportunity_id = w.opportunity_id),
overlaid AS (
    SELECT r.rep_id AS credited, s.event_date, s.currency, 1 AS share, s.amount
    FROM spread s
    JOIN customers cu ON cu.customer_id = s.customer_id
    JOIN accounts a ON a.account_id = cu.account_id
    JOIN territories t ON t.territory_type = 'industry' AND t.industry = a.industry AND t.region = a.region
    JOIN reps r ON r.territory_id = t.territory_id
    WHERE s.event_date >= r.hire_date AND s.event_date <= coalesce(r.termination_date, DATE '9999-12-31')),
credits AS (
    SELECT c.credited, c.amount * c.share * CASE WHEN c.currency = 'CNY' THEN 1 ELSE
               (SELECT f.rate_to_cny FROM fx_rates f WHERE f.currency = c.currency AND f.rate_date <= c.event_date
                ORDER BY f.rate_date DESC LIMIT 1) END AS credited_amount
    FROM (SELECT * FROM owned UNION ALL SELECT * FROM overlaid) c
    LEFT JOIN reps r ON r.rep_id = c.credited
    WHERE r.termination_date IS NULL OR c.event_date <= r.termination_date),
per_rep AS (
    SELECT credited AS rep_id, sum(round(credited_amount * {base_rate}, 2)) AS base,
           sum(credited_amount) AS total
    FROM credits GROUP BY credited)
SELECT rep_id,
       base + CASE WHEN total < 0 THEN round(total * {tier1_rate}, 2)
                   ELSE round(least(total, {tier_bound}) * {tier1_rate}, 2)
                        + round(greatest(total - {tier_bound}, 0) * {tier2_rate}, 2) END AS earned
FROM per_rep
ORDER BY rep_id
