package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.CommissionTables;
import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.ManualAdjustments;
import io.salesops.jobs.spark.SparkTables;
import io.salesops.warehouse.store.Warehouse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The adjustments a period pays besides its own lines: corrections of the closed periods just
 * before it, and the manual adjustments recorded for it.
 */
final class PeriodAdjustments {

    private final CommissionPeriods periods;
    private final ManualAdjustments manualAdjustments;
    private final Warehouse warehouse;
    private final int lookbackMonths;

    PeriodAdjustments(CommissionPeriods periods, ManualAdjustments manualAdjustments, Warehouse warehouse,
                      int lookbackMonths) {
        this.periods = periods;
        this.manualAdjustments = manualAdjustments;
        this.warehouse = warehouse;
        this.lookbackMonths = lookbackMonths;
    }

    /** The corrections first (newest closed period first), then the manual adjustments. */
    List<Adjustment> of(PeriodCalculation calculation, SparkSession session, YearMonth month) {
        List<Adjustment> adjustments = new ArrayList<>(corrections(calculation, session, month));
        String period = month.toString();
        manualAdjustments.of(period).forEach(m -> adjustments.add(new Adjustment(m.repId(), Adjustment.MANUAL, 0,
                Adjustment.MANUAL, Adjustment.MANUAL, m.adjustmentId(), period, m.amount(), m.currency(),
                m.reason() + " (requested by " + m.requestedBy() + ")", m.approvedBy())));
        return adjustments;
    }

    /**
     * Corrections of the closed periods just before this one, newest first, while they are closed
     * and within salesops.commissions.correction-lookback-months: this period is the next open
     * period of each, so their corrections are paid here and nowhere else.
     */
    private List<Adjustment> corrections(PeriodCalculation calculation, SparkSession session, YearMonth month) {
        Set<String> closed = periods.closedPeriods();
        List<Adjustment> corrections = new ArrayList<>();
        Dataset<Row> ledger = warehouse.current(CommissionTables.COMMISSION_LEDGER)
                .map(v -> SparkTables.read(session, warehouse, CommissionTables.COMMISSION_LEDGER)).orElse(null);
        for (int back = 1; back <= lookbackMonths; back++) {
            YearMonth earlier = month.minusMonths(back);
            if (!closed.contains(earlier.toString())) {
                break;
            }
            PeriodCalculation.Result recalculated = calculation.calculate(earlier);
            try {
                corrections.addAll(Corrections.of(earlier.toString(), recalculated.lines(), ledger));
            } finally {
                recalculated.release();
            }
        }
        return corrections;
    }
}
