package io.salesops.warehouse.model;

/**
 * The value types a canonical column can have. Money, quantities and rates are decimals with a
 * fixed scale so that Spark, DuckDB and Java (BigDecimal) read the same exact numbers.
 */
public enum ColumnType {
    STRING,
    LONG,
    /** DECIMAL(18,2): an amount in the currency named by the row's currency column. */
    MONEY,
    /** DECIMAL(18,3): a physical quantity (kg, t) or a count that can be fractional. */
    QUANTITY,
    /** DECIMAL(18,6): exchange rates, percentages, probabilities. */
    RATE,
    DATE,
    /** An instant, stored as microseconds since the epoch, UTC. */
    TIMESTAMP,
    BOOLEAN;

    public int precision() {
        return 18;
    }

    public int scale() {
        return switch (this) {
            case MONEY -> 2;
            case QUANTITY -> 3;
            case RATE -> 6;
            default -> throw new IllegalStateException(this + " is not a decimal type");
        };
    }

    public boolean isDecimal() {
        return this == MONEY || this == QUANTITY || this == RATE;
    }

    /** The type as DuckDB and Spark SQL spell it. */
    public String sqlType() {
        return switch (this) {
            case STRING -> "VARCHAR";
            case LONG -> "BIGINT";
            case MONEY, QUANTITY, RATE -> "DECIMAL(" + precision() + "," + scale() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
