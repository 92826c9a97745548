-- Exact rounding for the funnel benchmark's references: n / d rounded half up to 1/f (f = 10^scale),
-- in integers, for n >= 0 and d > 0 (NULL when d is 0 or NULL). The references scale decimals to
-- integers before calling it, so no step goes through a double.
CREATE OR REPLACE TEMP MACRO half_up(n, d, f) AS
    CASE WHEN d > 0 THEN (2 * CAST(n AS HUGEINT) * f + CAST(d AS HUGEINT)) // (2 * CAST(d AS HUGEINT)) END
