package io.salesops.jobs.forecast;

import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.MONEY;
import static io.salesops.warehouse.model.ColumnType.RATE;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/**
 * Marts of the forecast job; their names and columns are what reports and analysts use. Each is
 * partitioned by the month the forecast is made as of (its end), so running an earlier month again
 * replaces only that month's forecasts.
 */
public final class ForecastTables {

    private static final String LEVEL = "company, region, territory or rep";
    private static final String KEY = "'all' for company, else the region, territory or rep id";
    private static final String MODEL = "naive, seasonal_naive or ets (forecast_models says which ETS model)";

    public static final TableDefinition FORECASTS = TableDefinition.builder("forecasts", Zone.MARTS,
                    "Invoiced revenue forecast for the months after the as-of month, per level, key and model, with"
                            + " the 80 % interval.")
            .key("as_of_period", "target_period", "level", "key", "model")
            .required("as_of_period", STRING, "the month whose end the forecast is made at, YYYY-MM")
            .required("target_period", STRING, "the month forecast, YYYY-MM")
            .required("horizon", LONG, "months ahead: 1 is the month after as_of_period")
            .required("level", STRING, LEVEL)
            .required("key", STRING, KEY)
            .required("model", STRING, MODEL)
            .required("p10", MONEY, "10th percentile, CNY: 1 month in 10 should come in below it")
            .required("p50", MONEY, "median forecast, CNY")
            .required("p90", MONEY, "90th percentile, CNY")
            .partitionedBy("as_of_period")
            .build();

    public static final TableDefinition FORECAST_BACKTEST = TableDefinition.builder("forecast_backtest", Zone.MARTS,
                    "Rolling-origin backtest: what each model, fitted only on the months before origin_period,"
                            + " forecast for target_period, and what was invoiced.")
            .key("as_of_period", "origin_period", "target_period", "level", "key", "model")
            .required("as_of_period", STRING, "the forecast run this backtest belongs to, YYYY-MM")
            .required("origin_period", STRING, "the first month forecast; the model saw only the months before it")
            .required("target_period", STRING, "the month forecast")
            .required("horizon", LONG, "target_period − origin_period + 1")
            .required("level", STRING, LEVEL)
            .required("key", STRING, KEY)
            .required("model", STRING, MODEL)
            .required("forecast", MONEY, "median forecast, CNY")
            .required("p10", MONEY, "its 10th percentile, CNY")
            .required("p90", MONEY, "its 90th percentile, CNY")
            .required("actual", MONEY, "invoiced net revenue of target_period, CNY")
            .partitionedBy("as_of_period")
            .build();

    public static final TableDefinition FORECAST_ACCURACY = TableDefinition.builder("forecast_accuracy", Zone.MARTS,
                    "Backtest accuracy per level, model and horizon, over every key of the level and every"
                            + " backtest month. Fractions: 0.05 is 5 %.")
            .key("as_of_period", "level", "model", "horizon")
            .required("as_of_period", STRING, "YYYY-MM")
            .required("level", STRING, LEVEL)
            .required("model", STRING, MODEL)
            .required("horizon", LONG, "months ahead")
            .required("months", LONG, "backtest forecasts measured (keys × months)")
            .optional("mape", RATE, "mean |actual − forecast| / |actual| over non-zero actuals")
            .optional("wape", RATE, "Σ|actual − forecast| / Σ|actual|")
            .optional("bias", RATE, "Σ(forecast − actual) / Σ|actual|; above 0: forecasts too high")
            .optional("fva_vs_seasonal_naive", RATE, "1 − wape / seasonal naive's wape on the same level and horizon")
            .required("coverage_80", RATE, "share of actuals inside p10–p90; 0.8 when the interval is honest")
            .required("share_within_5", RATE, "share of forecasts within ±5 % of the actual")
            .required("share_within_10", RATE, "share of forecasts within ±10 % of the actual")
            .partitionedBy("as_of_period")
            .build();

    public static final TableDefinition FORECAST_MODELS = TableDefinition.builder("forecast_models", Zone.MARTS,
                    "Per level and key, each model's standing: chosen, fitted, not fitted (with why), so a"
                            + " missing forecast is explained.")
            .key("as_of_period", "level", "key", "model")
            .required("as_of_period", STRING, "YYYY-MM")
            .required("level", STRING, LEVEL)
            .required("key", STRING, KEY)
            .required("model", STRING, MODEL + "; or the ETS model refused, e.g. ets(A,A,A)")
            .required("status", STRING, "chosen (lowest backtest WAPE), fitted, or not_fitted")
            .optional("backtest_wape", RATE, "WAPE over the backtest's months and horizons")
            .required("detail", STRING, "the ETS model fitted, or why the model could not be fitted or compete")
            .partitionedBy("as_of_period")
            .build();

    private ForecastTables() {
    }
}
