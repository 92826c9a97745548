package io.salesops.ingest.sample;

import io.salesops.ingest.sample.OrgChart.Rep;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * org/quotas.csv: a monthly net-revenue quota in CNY for every selling rep active in the month.
 * The quota is what the rep's book is expected to buy that month (the customers' order rates and
 * values, seasonality included) times a stretch of 0.88–1.08 per rep, so attainment averages
 * around 100 % with a real spread. New hires are ramped at 25/50/75 % over their first
 * three months, and carry at least a quarter of an average quota since their book is thin.
 * Managers and directors carry no quota of their own: they are measured on their team.
 */
final class QuotaPlan {
    private static final double[] RAMP = {0.25, 0.50, 0.75};
    private static final double MINIMUM_SHARE_OF_AVERAGE = 0.25;

    private QuotaPlan() {
    }

    static void write(World world, SampleOutputs out) throws IOException {
        DataWindow window = world.window();
        double[][] expected = expectedRevenue(world);
        SplittableRandom random = world.streams().forTable("quotas");
        int reps = world.org().reps().size();
        double[] stretch = new double[reps];
        for (int r = 0; r < reps; r++) {
            stretch[r] = Draw.uniform(random, 0.88, 1.08);
        }
        try (CsvTableWriter quotas = out.open(OutputFile.QUOTAS_CSV)) {
            for (int m = 0; m < window.months(); m++) {
                double average = averageOfActive(world, expected, m);
                for (Rep rep : world.org().reps()) {
                    if (!rep.sells() || !activeIn(rep, m, window)) {
                        continue;
                    }
                    int tenure = rep.hireDay() < window.startDay() ? Integer.MAX_VALUE
                            : m - window.monthOf(rep.hireDay());
                    double ramp = tenure < RAMP.length ? RAMP[tenure] : 1.0;
                    double full = Math.max(expected[rep.index()][m], average * MINIMUM_SHARE_OF_AVERAGE);
                    double quota = full * stretch[rep.index()] * Draw.uniform(random, 0.95, 1.05) * ramp;
                    quotas.row(rep.id(), window.month(m).toString(), Amounts.money(quota, 1000), "CNY");
                }
            }
        }
    }

    /** Expected net revenue (CNY) per rep and month from the customers each rep looks after mid-month. */
    static double[][] expectedRevenue(World world) {
        DataWindow window = world.window();
        CustomerBook customers = world.customers();
        double[][] expected = new double[world.org().reps().size()][window.months()];
        for (int c = 0; c < customers.size; c++) {
            int account = customers.account[c];
            for (int m = 0; m < window.months(); m++) {
                double orders = customers.expectedOrders(c, m, window);
                if (orders > 0) {
                    int midMonth = (window.monthStart(m) + window.monthEnd(m)) / 2;
                    int rep = world.accountOwnerAt(account, midMonth);
                    expected[rep][m] += orders * customers.orderValue[c] * (1 - CustomerBook.CANCEL_RATE);
                }
            }
        }
        return expected;
    }

    private static double averageOfActive(World world, double[][] expected, int m) {
        double sum = 0;
        int count = 0;
        for (Rep rep : world.org().reps()) {
            if (rep.sells() && activeIn(rep, m, world.window()) && expected[rep.index()][m] > 0) {
                sum += expected[rep.index()][m];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static boolean activeIn(Rep rep, int m, DataWindow window) {
        return rep.hireDay() <= window.monthEnd(m) && rep.terminationDay() >= window.monthStart(m);
    }
}
