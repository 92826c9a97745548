package io.salesops.jobs.forecast.model;

import java.util.List;

/**
 * One exponential smoothing model of the ETS family (Hyndman et al., 2008): its season and trend.
 * The error follows the season: additive with no or an additive season, multiplicative with a
 * multiplicative one. These are the combinations with a finite forecast variance that R's
 * {@code forecast::ets} offers by default.
 */
public record EtsSpec(Season season, Trend trend) {

    public enum Trend { NONE, ADDITIVE, DAMPED }

    public enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    public static final EtsSpec ANN = new EtsSpec(Season.NONE, Trend.NONE);
    public static final EtsSpec AAN = new EtsSpec(Season.NONE, Trend.ADDITIVE);
    public static final EtsSpec AADN = new EtsSpec(Season.NONE, Trend.DAMPED);
    public static final EtsSpec ANA = new EtsSpec(Season.ADDITIVE, Trend.NONE);
    public static final EtsSpec AAA = new EtsSpec(Season.ADDITIVE, Trend.ADDITIVE);
    public static final EtsSpec AADA = new EtsSpec(Season.ADDITIVE, Trend.DAMPED);
    public static final EtsSpec MNM = new EtsSpec(Season.MULTIPLICATIVE, Trend.NONE);
    public static final EtsSpec MAM = new EtsSpec(Season.MULTIPLICATIVE, Trend.ADDITIVE);
    public static final EtsSpec MADM = new EtsSpec(Season.MULTIPLICATIVE, Trend.DAMPED);

    /** The models the automatic choice considers, in the order it reports them. */
    public static final List<EtsSpec> ALL = List.of(ANN, AAN, AADN, ANA, AAA, AADA, MNM, MAM, MADM);

    public boolean multiplicative() {
        return season == Season.MULTIPLICATIVE;
    }

    public boolean seasonal() {
        return season != Season.NONE;
    }

    public boolean trended() {
        return trend != Trend.NONE;
    }

    /** As the marts name it: {@code ets(A,Ad,A)}. */
    public String name() {
        String t = switch (trend) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case DAMPED -> "Ad";
        };
        String s = switch (season) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case MULTIPLICATIVE -> "M";
        };
        return "ets(" + (multiplicative() ? "M" : "A") + "," + t + "," + s + ")";
    }

    /** Smoothing parameters: α, β with a trend, γ with a season, φ when damped. */
    int smoothingParameters() {
        return 1 + (trended() ? 1 : 0) + (seasonal() ? 1 : 0) + (trend == Trend.DAMPED ? 1 : 0);
    }

    /** Initial states: the level, the trend with one, the m − 1 free seasonal states with a season. */
    int initialStates(int period) {
        return 1 + (trended() ? 1 : 0) + (seasonal() ? period - 1 : 0);
    }
}
