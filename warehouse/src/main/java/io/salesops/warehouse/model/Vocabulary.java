package io.salesops.warehouse.model;

import java.util.List;

/** Closed value sets shared by several canonical tables. */
public final class Vocabulary {
    /** China's seven sales regions, as Chinese sales organisations name them. */
    public static final List<String> REGIONS = List.of("华东", "华南", "华北", "华中", "西南", "西北", "东北");
    public static final List<String> INDUSTRIES = List.of("coatings", "plastics", "textiles", "pharmaceuticals",
            "electronics", "construction", "agrochemicals", "water_treatment");
    public static final List<String> LEAD_SOURCES = List.of("trade_show", "website", "referral", "email_campaign",
            "cold_call");
    public static final List<String> OPPORTUNITY_STAGES = List.of("prospecting", "qualification", "proposal",
            "negotiation", "closed_won", "closed_lost");
    /** The open stages of {@link #OPPORTUNITY_STAGES}, in the order a deal advances through them. */
    public static final List<String> OPEN_OPPORTUNITY_STAGES = OPPORTUNITY_STAGES.subList(0, 4);
    public static final List<String> FORECAST_CATEGORIES = List.of("pipeline", "best_case", "commit", "closed",
            "omitted");
    public static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR");
    public static final List<String> UNITS = List.of("kg", "t");
    public static final List<String> PRODUCT_CATEGORIES = List.of("solvents", "resins", "pigments", "additives",
            "surfactants", "plasticizers");

    private Vocabulary() {
    }
}
