package io.salesops.jobs.worklist;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;

import io.salesops.jobs.spark.ToCny;
import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** renewals_due: the active contracts ending within {@value #HORIZON_DAYS} days after the period's last day. Pure. */
public final class Renewals {

    public static final int HORIZON_DAYS = 90;

    private Renewals() {
    }

    /** Amounts in CNY at the period's rate; a contract due in a currency without one fails, naming it. */
    public static Dataset<Row> of(Dataset<Row> contracts, Dataset<Row> accounts, Dataset<Row> fxRates,
                                  YearMonth period) {
        Date last = Date.valueOf(period.atEndOfMonth());
        Date horizon = Date.valueOf(period.atEndOfMonth().plusDays(HORIZON_DAYS));
        Dataset<Row> due = contracts.where(col("status").equalTo("active").and(col("end_date").gt(lit(last)))
                .and(col("end_date").leq(lit(horizon))));
        Dataset<Row> converted = ToCny.atPeriodRate(due, fxRates, period, "contract_id",
                "contracts due after " + period);
        return converted.join(accounts.select(col("account_id").as("a_id"), col("account_name"), col("owner_rep_id")),
                        col("account_id").equalTo(col("a_id")), "left")
                .select(lit(period.toString()).as("period"), col("contract_id"), col("account_id"), col("account_name"),
                        col("owner_rep_id").as("owner"), col("end_date"),
                        datediff(col("end_date"), lit(last)).cast("long").as("days_to_end"),
                        col("amount_cny").as("amount"));
    }
}
