package io.salesops.ingest.sample;

/** The kinds of deliberate mess in generated exports; {@link #key()} is the name used in manifest.json. */
public enum DirtKind {
    /** An unparseable value in a date or timestamp column ({@code 2025-13-45}, {@code N/A}, {@code 31/02/2025}). */
    BAD_DATE("bad_date"),
    /** The natural key left blank. */
    MISSING_KEY("missing_key"),
    /** An exact copy of an earlier clean data row, emitted again later in the file. */
    DUPLICATE_ROW("duplicate_row"),
    /**
     * A restricted-value column spelled as a variant ({@code Closed Won}, {@code  EMAIL-CAMPAIGN}) that
     * trimming, lowercasing and turning spaces and hyphens into underscores maps back to the value.
     */
    CATEGORY_TYPO("category_typo");

    private final String key;

    DirtKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static DirtKind ofKey(String key) {
        for (DirtKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("dirt kind must be one of bad_date, missing_key, duplicate_row, "
                + "category_typo, cannot be: " + key);
    }
}
