package io.salesops.jobs.forecast;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import io.salesops.jobs.forecast.model.Accuracy;
import io.salesops.jobs.forecast.model.Backtest;
import io.salesops.jobs.forecast.model.Baselines;
import io.salesops.jobs.forecast.model.Forecast;
import io.salesops.jobs.forecast.model.MonthlySeries;
import io.salesops.jobs.mart.MartComputation;
import io.salesops.jobs.mart.MartInputs;
import io.salesops.jobs.spark.SparkSchemas;
import io.salesops.jobs.spark.ToCny;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Run-rate forecasts of invoiced revenue as of the end of the period: the months' net invoice
 * amounts in CNY (territory performance's measure), summed per level and key on Spark; then, per
 * series, the baselines and ETS fitted, backtested on a rolling origin and the model with the lowest
 * backtest error chosen ({@link SeriesForecast}, plain Java: a series is a few dozen numbers).
 *
 * <p>Nothing dated after the period's last day is read, so a forecast made as of a month stays the
 * same however the later months turn out.
 */
public final class ForecastComputation implements MartComputation {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.INVOICES, CanonicalTables.FX_RATES,
            CanonicalTables.REPS, CanonicalTables.TERRITORIES);
    static final String UNASSIGNED = "unassigned";
    static final String NONE = "(none)";

    private final io.salesops.jobs.config.ForecastProperties settings;

    public ForecastComputation(io.salesops.jobs.config.ForecastProperties settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public List<TableDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public List<TableDefinition> outputs() {
        return List.of(ForecastTables.FORECASTS, ForecastTables.FORECAST_BACKTEST, ForecastTables.FORECAST_ACCURACY,
                ForecastTables.FORECAST_MODELS);
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period) {
        return compute(tables, period, settings.horizon());
    }

    @Override
    public Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period,
                                                      org.springframework.batch.core.job.parameters.JobParameters parameters) {
        return compute(tables, period, io.salesops.jobs.runtime.HorizonParameter.of(parameters, settings.horizon()));
    }

    private Map<TableDefinition, Dataset<Row>> compute(MartInputs tables, YearMonth period, int horizon) {
        SeriesForecast.Settings settings = new SeriesForecast.Settings(horizon, this.settings.backtestMonths(),
                this.settings.springFestival());
        Dataset<Row> monthly = monthlyRevenue(tables.table(CanonicalTables.INVOICES),
                tables.table(CanonicalTables.FX_RATES), tables.table(CanonicalTables.REPS),
                tables.table(CanonicalTables.TERRITORIES), period);
        List<SeriesForecast> series = forecast(series(monthly.collectAsList(), period), settings);
        SparkSession spark = monthly.sparkSession();
        String asOf = period.toString();
        return Map.of(ForecastTables.FORECASTS, frame(spark, ForecastTables.FORECASTS, forecastRows(asOf, series)),
                ForecastTables.FORECAST_BACKTEST, frame(spark, ForecastTables.FORECAST_BACKTEST,
                        backtestRows(asOf, series)),
                ForecastTables.FORECAST_ACCURACY, frame(spark, ForecastTables.FORECAST_ACCURACY,
                        accuracyRows(asOf, series)),
                ForecastTables.FORECAST_MODELS, frame(spark, ForecastTables.FORECAST_MODELS, modelRows(asOf, series)));
    }

    /**
     * level, key, month (YYYY-MM), revenue: the net amount in CNY of the invoices dated up to the
     * period's end, at each invoice month's rate, per company, region, territory and rep. A
     * currency without a rate for an invoice's month fails the run, naming an invoice.
     */
    static Dataset<Row> monthlyRevenue(Dataset<Row> invoices, Dataset<Row> fxRates, Dataset<Row> reps,
                                       Dataset<Row> territories, YearMonth period) {
        Dataset<Row> upToPeriod = invoices.where(col("invoice_date").leq(lit(java.sql.Date.valueOf(period.atEndOfMonth()))));
        Dataset<Row> converted = ToCny.requireRates(ToCny.convert(upToPeriod, fxRates, trunc(col("invoice_date"), "month"),
                "net_amount", "amount_cny"), "net_amount", "amount_cny", "invoice_id", "invoices up to " + period,
                "their invoice month");
        Dataset<Row> repPlace = reps.select(col("rep_id").as("r_id"), col("territory_id").as("r_territory"))
                .join(territories.select(col("territory_id").as("t_id"), col("region").as("t_region")),
                        col("r_territory").equalTo(col("t_id")), "left");
        Dataset<Row> credited = converted.join(repPlace, col("rep_id").equalTo(col("r_id")), "left")
                .select(date_format(col("invoice_date"), "yyyy-MM").as("month"), col("amount_cny"), col("rep_id"),
                        coalesce(col("r_territory"), lit(UNASSIGNED)).as("territory"),
                        coalesce(col("t_region"), lit(NONE)).as("region"));
        return level(credited, "company", lit("all"))
                .unionByName(level(credited, "region", col("region")))
                .unionByName(level(credited, "territory", col("territory")))
                .unionByName(level(credited, "rep", col("rep_id")));
    }

    private static Dataset<Row> level(Dataset<Row> credited, String level, org.apache.spark.sql.Column key) {
        return credited.groupBy(lit(level).as("level"), key.as("key"), col("month"))
                .agg(sum("amount_cny").as("revenue"));
    }

    /** Each level and key's months, from its first invoiced month to the period, months without invoices 0. */
    static Map<List<String>, MonthlySeries> series(List<Row> monthly, YearMonth period) {
        Map<List<String>, TreeMap<YearMonth, Double>> byKey = new TreeMap<>(Comparator
                .comparing((List<String> k) -> levelOrder(k.get(0))).thenComparing(k -> k.get(1)));
        for (Row row : monthly) {
            byKey.computeIfAbsent(List.of(row.getString(0), row.getString(1)), k -> new TreeMap<>())
                    .merge(YearMonth.parse(row.getString(2)), ((BigDecimal) row.get(3)).doubleValue(), Double::sum);
        }
        Map<List<String>, MonthlySeries> out = new LinkedHashMap<>();
        byKey.forEach((key, months) -> {
            YearMonth first = months.firstKey();
            int n = (int) first.until(period, java.time.temporal.ChronoUnit.MONTHS) + 1;
            double[] values = new double[n];
            months.forEach((month, revenue) -> values[(int) first.until(month, java.time.temporal.ChronoUnit.MONTHS)] = revenue);
            out.put(key, new MonthlySeries(first, values));
        });
        return out;
    }

    /** Fits every series, two at a time on the two cores; the result is in the series' order whatever the timing. */
    static List<SeriesForecast> forecast(Map<List<String>, MonthlySeries> series, SeriesForecast.Settings settings) {
        return series.entrySet().parallelStream()
                .map(e -> SeriesForecast.of(e.getKey().get(0), e.getKey().get(1), e.getValue(), settings))
                .toList();
    }

    private static int levelOrder(String level) {
        return List.of("company", "region", "territory", "rep").indexOf(level);
    }

    private static List<Row> forecastRows(String asOf, List<SeriesForecast> series) {
        List<Row> rows = new ArrayList<>();
        for (SeriesForecast s : series) {
            for (int i = 0; i < s.forecasts().size(); i++) {
                Forecast f = s.forecasts().get(i);
                rows.add(RowFactory.create(asOf, f.target().toString(), (long) f.horizon(), s.level(), s.key(),
                        s.forecastModels().get(i), money(f.p10()), money(f.p50()), money(f.p90())));
            }
        }
        return rows;
    }

    private static List<Row> backtestRows(String asOf, List<SeriesForecast> series) {
        List<Row> rows = new ArrayList<>();
        for (SeriesForecast s : series) {
            for (Backtest.Row b : s.backtest()) {
                rows.add(RowFactory.create(asOf, b.origin().toString(), b.target().toString(), (long) b.horizon(),
                        s.level(), s.key(), b.model(), money(b.forecast()), money(b.p10()), money(b.p90()),
                        money(b.actual())));
            }
        }
        return rows;
    }

    /** Per level, model and horizon over every key's backtest; value added against seasonal naive on the same rows' level. */
    static List<Row> accuracyRows(String asOf, List<SeriesForecast> series) {
        Map<List<Object>, List<Accuracy.Outcome>> pooled = new TreeMap<>(Comparator
                .comparing((List<Object> k) -> levelOrder((String) k.get(0)))
                .thenComparing(k -> SeriesForecast.CANDIDATES.indexOf((String) k.get(1)))
                .thenComparing(k -> (Integer) k.get(2)));
        for (SeriesForecast s : series) {
            for (Backtest.Row b : s.backtest()) {
                pooled.computeIfAbsent(List.of(s.level(), b.model(), b.horizon()), k -> new ArrayList<>()).add(b.outcome());
            }
        }
        List<Row> rows = new ArrayList<>();
        pooled.forEach((key, outcomes) -> {
            Accuracy.Metrics m = Accuracy.of(outcomes);
            List<Accuracy.Outcome> baseline = pooled.get(List.of(key.get(0), Baselines.SEASONAL_NAIVE, key.get(2)));
            OptionalDouble fva = baseline == null ? OptionalDouble.empty() : m.valueAddedAgainst(Accuracy.of(baseline));
            rows.add(RowFactory.create(asOf, key.get(0), key.get(1), (long) (Integer) key.get(2), (long) m.months(),
                    rate(m.mape()), rate(m.wape()), rate(m.bias()), rate(fva), rate(m.coverage80()),
                    rate(m.shareWithin5()), rate(m.shareWithin10())));
        });
        return rows;
    }

    private static List<Row> modelRows(String asOf, List<SeriesForecast> series) {
        List<Row> rows = new ArrayList<>();
        for (SeriesForecast s : series) {
            for (SeriesForecast.Standing st : s.standings()) {
                rows.add(RowFactory.create(asOf, s.level(), s.key(), st.model(), st.status(), rate(st.backtestWape()),
                        st.detail()));
            }
        }
        return rows;
    }

    private static Dataset<Row> frame(SparkSession spark, TableDefinition table, List<Row> rows) {
        return spark.createDataFrame(rows, SparkSchemas.of(table));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(OptionalDouble value) {
        return value.isPresent() ? rate(value.getAsDouble()) : null;
    }
}
