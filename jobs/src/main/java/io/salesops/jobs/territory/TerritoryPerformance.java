package io.salesops.jobs.territory;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Territory revenue and quota attainment for one month.
 *
 * <p>Revenue is the net (tax-excluded) amount of the month's invoices, converted to CNY at the
 * month's rate from {@code fx_rates} (rate_date = first day of the month) and credited to the
 * territory of the invoice's rep. Quota is the sum of the month's quotas of the reps of each
 * territory. Attainment is revenue / quota, rounded half-up to 6 places. Every input is a
 * Dataset and so is the output: reading and writing happen in the step ({@link io.salesops.jobs.mart.MartSteps}),
 * not here.
 */
public final class TerritoryPerformance implements MartComputation {

    /** What the computation reads; pinned before the step runs, and what {@code asOf} may name. */
    public static final List<TableDefinition> INPUTS = List.of(CanonicalTables.INVOICES, CanonicalTables.FX_RATES,
            CanonicalTables.REPS, CanonicalTables.TERRITORIES, CanonicalTables.QUOTAS);

    /** The territory of the reps that have none. */
    static final String UNASSIGNED = "unassigned";
    private static final org.apache.spark.sql.types.DataType MONEY = DataTypes.createDecimalType(18, 2);
    private static final org.apache.spark.sql.types.DataType RATE = DataTypes.createDecimalType(18, 6);

    @Override
    public String name() {
        return "territory";
    }

    @Override
    public List<TableDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public List<TableDefinition> outputs() {
        return List.of(TerritoryTables.TERRITORY_PERFORMANCE);
    }

    /** Refuses the month when a non-CNY invoice has no rate ({@link #requireRates}), then {@link #compute(Inputs, YearMonth)}. */
    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        Dataset<Row> fxRates = tables.table(CanonicalTables.FX_RATES);
        // cached: the rate check and the computation both read the converted invoices
        Dataset<Row> invoicesInCny = tables.cache(invoicesInCny(tables.table(CanonicalTables.INVOICES), fxRates,
                period));
        requireRates(invoicesInCny, period);
        return Map.of(TerritoryTables.TERRITORY_PERFORMANCE, compute(new Inputs(invoicesInCny, fxRates,
                tables.table(CanonicalTables.REPS), tables.table(CanonicalTables.TERRITORIES),
                tables.table(CanonicalTables.QUOTAS)), period));
    }

    /**
     * @param invoicesInCny the month's invoices with {@code amount_cny}, from {@link #invoicesInCny}
     *                      (checked by {@link #requireRates} first)
     */
    public record Inputs(Dataset<Row> invoicesInCny, Dataset<Row> fxRates, Dataset<Row> reps,
                         Dataset<Row> territories, Dataset<Row> quotas) {
    }

    public static Dataset<Row> compute(Inputs in, YearMonth period) {
        Dataset<Row> repTerritory = in.reps().select(col("rep_id"),
                coalesce(col("territory_id"), lit(UNASSIGNED)).as("territory_id"));
        Dataset<Row> revenue = revenueByTerritory(in.invoicesInCny(), repTerritory);
        Dataset<Row> quota = quotaByTerritory(in.quotas(), in.fxRates(), repTerritory, period);
        return combine(revenue, quota, in.territories(), period);
    }

    /** The month's invoices with their net amount in CNY ({@code amount_cny}); null where a rate is missing. */
    public static Dataset<Row> invoicesInCny(Dataset<Row> invoices, Dataset<Row> fxRates, YearMonth period) {
        return ToCny.convert(invoicesOf(invoices, period), fxRates, trunc(col("invoice_date"), "month"), "net_amount",
                "amount_cny");
    }

    private static Dataset<Row> invoicesOf(Dataset<Row> invoices, YearMonth period) {
        return invoices.where(col("invoice_date").geq(lit(java.sql.Date.valueOf(period.atDay(1))))
                .and(col("invoice_date").leq(lit(java.sql.Date.valueOf(period.atEndOfMonth())))));
    }

    private static Dataset<Row> revenueByTerritory(Dataset<Row> invoices, Dataset<Row> repTerritory) {
        return invoices.join(repTerritory, "rep_id")
                .groupBy(col("territory_id").as("revenue_territory"))
                .agg(sum("amount_cny").cast(MONEY).as("revenue"), count(lit(1)).as("invoice_count"),
                        countDistinct("rep_id").as("invoicing_reps"));
    }

    private static Dataset<Row> quotaByTerritory(Dataset<Row> quotas, Dataset<Row> fxRates, Dataset<Row> repTerritory,
                                                 YearMonth period) {
        Dataset<Row> converted = ToCny.convert(quotas.where(col("period").equalTo(period.toString())), fxRates,
                lit(java.sql.Date.valueOf(period.atDay(1))), "quota_amount", "quota_cny");
        return converted.join(repTerritory, "rep_id")
                .groupBy(col("territory_id").as("quota_territory"))
                .agg(sum("quota_cny").cast(MONEY).as("quota"), countDistinct("rep_id").as("quota_reps"));
    }

    private static Dataset<Row> combine(Dataset<Row> revenue, Dataset<Row> quota, Dataset<Row> territories,
                                        YearMonth period) {
        // Both sides derive from the same rep → territory mapping, so they are joined by renamed
        // keys: Spark refuses a self-join on the shared lineage of one column.
        Dataset<Row> combined = revenue.join(quota, col("revenue_territory").equalTo(col("quota_territory")),
                        "full_outer")
                .select(coalesce(col("revenue_territory"), col("quota_territory")).as("territory_id"),
                        coalesce(col("revenue"), lit(0).cast(MONEY)).as("revenue"),
                        coalesce(col("quota"), lit(0).cast(MONEY)).as("quota"),
                        coalesce(col("invoice_count"), lit(0L)).as("invoice_count"),
                        org.apache.spark.sql.functions.greatest(coalesce(col("invoicing_reps"), lit(0L)),
                                coalesce(col("quota_reps"), lit(0L))).as("rep_count"));
        Dataset<Row> names = territories.select(col("territory_id").as("t_id"), col("territory_name"), col("region"));
        return combined.join(names, combined.col("territory_id").equalTo(names.col("t_id")), "left")
                .select(lit(period.toString()).as("period"), col("territory_id"), col("territory_name"),
                        col("region"), col("revenue"), col("quota"),
                        when(col("quota").gt(0), col("revenue").divide(col("quota")).cast(RATE)).as("attainment"),
                        col("invoice_count").cast(DataTypes.LongType).as("invoice_count"),
                        col("rep_count").cast(DataTypes.LongType).as("rep_count"),
                        lit("CNY").as("currency"))
                .orderBy(col("region"), col("territory_id"));
    }

    /** Non-CNY invoices of the month without a rate would be silently dropped from revenue; refuse instead. */
    public static void requireRates(Dataset<Row> invoicesInCny, YearMonth period) {
        Dataset<Row> missing = invoicesInCny.where(col("amount_cny").isNull());
        long count = missing.count();
        if (count > 0) {
            Row example = missing.select("invoice_id", "currency", "invoice_date").first();
            throw new IllegalStateException(count + " invoices of " + period + " have no fx_rates row for their"
                    + " currency and month, e.g. invoice " + example.get(0) + " in " + example.get(1) + " dated "
                    + example.get(2) + "; add the rate to fx_rates");
        }
    }
}
