package io.salesops.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one conversion of amounts to CNY the marts use: the amount × the {@code fx_rates} rate of its
 * currency for a month ({@code rate_date} = the month's first day; CNY is 1), rounded to the cent.
 * A non-CNY row without a rate gets a null, which the caller turns into an error naming the row:
 * a silently missing amount would be a wrong total.
 */
public final class ToCny {

    /** The money type of converted amounts, as the marts declare MONEY. */
    public static final DataType MONEY = DataTypes.createDecimalType(18, 2);

    private ToCny() {
    }

    /**
     * Adds {@code converted} = {@code amount} × the rate of the row's {@code currency} for
     * {@code month} (a date column or literal: the first day of the month the rate is taken for).
     */
    public static Dataset<Row> convert(Dataset<Row> rows, Dataset<Row> fxRates, Column month, String amount,
                                       String converted) {
        Dataset<Row> rates = fxRates.select(col("currency").as("fx_currency"), col("rate_date").as("fx_month"),
                col("rate_to_cny"));
        Column rate = when(col("currency").equalTo("CNY"), lit(1)).otherwise(col("rate_to_cny"));
        return rows.withColumn("fx_lookup_month", month)
                .join(rates, col("currency").equalTo(col("fx_currency"))
                        .and(col("fx_lookup_month").equalTo(col("fx_month"))), "left")
                .withColumn(converted, col(amount).multiply(rate).cast(MONEY))
                .drop("fx_lookup_month", "fx_currency", "fx_month", "rate_to_cny");
    }

    /**
     * Fails, naming one, when rows with an {@code amount} got no {@code converted} amount: their
     * currency has no rate for the month.
     *
     * @param what how the message names the rows, e.g. "deals in the pipeline of 2026-03"
     * @param id   the column naming a row, e.g. opportunity_id
     */
    public static Dataset<Row> requireRates(Dataset<Row> converted, String amount, String convertedAmount, String id,
                                            String what, Object month) {
        Dataset<Row> missing = converted.where(col(amount).isNotNull().and(col(convertedAmount).isNull()));
        if (!missing.isEmpty()) {
            Row example = missing.select(id, "currency").first();
            throw new IllegalStateException(missing.count() + " " + what + " have no fx_rates row for their currency"
                    + " on " + month + ", e.g. " + id.replace("_id", "") + " " + example.get(0) + " in "
                    + example.get(1) + "; add the rate to fx_rates");
        }
        return converted;
    }

    /**
     * Adds {@code amount_cny} = {@code amount} at the period's rate ({@code rate_date} = its first
     * day), failing as {@link #requireRates} does when a row's currency has none.
     */
    public static Dataset<Row> atPeriodRate(Dataset<Row> rows, Dataset<Row> fxRates, java.time.YearMonth period,
                                            String id, String what) {
        java.time.LocalDate first = period.atDay(1);
        return requireRates(convert(rows, fxRates, lit(java.sql.Date.valueOf(first)), "amount", "amount_cny"),
                "amount", "amount_cny", id, what, first);
    }
}
