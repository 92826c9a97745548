package io.salesops.ingest.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * ERP customers: the accounts that bought before the window, plus those whose first deal is won
 * during it (70 % of first wins; the customer is created within two weeks). Each buys at its own
 * rate, with its own typical order value. The rates are scaled month by month so that the expected
 * order lines follow the target (2 000 000 × scale × months / 36) spread by seasonality and growth:
 * new customers take a share of the month, they do not add growth of their own on top.
 */
final class CustomerBook {
    static final double MEAN_LINES_PER_ORDER = 2.93;
    /** Share of orders cancelled before shipping: no revenue. */
    static final double CANCEL_RATE = 0.02;
    private static final int[] CREDIT_DAYS = {30, 45, 60, 90};
    private static final double[] CREDIT_WEIGHTS = {0.2, 0.2, 0.4, 0.2};

    final int size;
    final int[] account;
    final int[] sinceDay;
    final int[] creditDays;
    /** Relative order rate: how often this customer orders compared with the others. */
    final double[] orderRate;
    /** Per month, the factor turning relative rates into expected orders. */
    private double[] monthFactor = new double[0];
    /** Typical order value, net of tax, in CNY. */
    final double[] orderValue;

    private CustomerBook(int size) {
        this.size = size;
        account = new int[size];
        sinceDay = new int[size];
        creditDays = new int[size];
        orderRate = new double[size];
        orderValue = new double[size];
    }

    static long targetOrderLines(GeneratorSettings settings) {
        return Math.round(2_000_000 * settings.scale() * settings.months() / 36.0);
    }

    static CustomerBook build(GeneratorSettings settings, DataWindow window, AccountBook accounts,
                              OpportunityBook opportunities, SplittableRandom random) {
        int[] firstWin = new int[accounts.size];
        Arrays.fill(firstWin, Integer.MAX_VALUE);
        for (int o = 0; o < opportunities.size; o++) {
            if (opportunities.won(o)) {
                int a = opportunities.account[o];
                firstWin[a] = Math.min(firstWin[a], opportunities.closeDay[o]);
            }
        }
        // sort key: since day in the high bits, account in the low bits, so ties keep account order
        long[] keys = new long[accounts.size];
        int count = 0;
        for (int a = 0; a < accounts.size; a++) {
            int since;
            if (accounts.boughtBefore[a]) {
                since = Math.min(window.startDay() - 1, accounts.createdDay[a] + Draw.between(random, 0, 365));
            } else if (firstWin[a] <= window.endDay() && Draw.chance(random, 0.7)) {
                since = firstWin[a] + Draw.between(random, 0, 14);
                if (since > window.endDay()) {
                    continue;
                }
            } else {
                continue;
            }
            keys[count++] = ((long) (since + 1_000_000) << 32) | a;
        }
        Arrays.sort(keys, 0, count);
        CustomerBook book = new CustomerBook(count);
        for (int c = 0; c < count; c++) {
            int a = (int) keys[c];
            book.account[c] = a;
            book.sinceDay[c] = (int) (keys[c] >>> 32) - 1_000_000;
            accounts.customer[a] = c;
            book.creditDays[c] = accounts.currency[a] != AccountBook.CNY ? 30
                    : CREDIT_DAYS[Draw.weighted(random, CREDIT_WEIGHTS)];
            double weight = accounts.weight[a];
            book.orderRate[c] = StrictMath.pow(weight, 0.6) * Draw.lognormal(random, 1, 0.5);
            book.orderValue[c] = 30_000 * StrictMath.pow(weight, 0.4) * Draw.lognormal(random, 1, 0.5);
        }
        book.calibrate(window, window.allocate(Math.round(targetOrderLines(settings) / MEAN_LINES_PER_ORDER)));
        return book;
    }

    /** Expected orders of customer c in month m. */
    double expectedOrders(int c, int m, DataWindow window) {
        return orderRate[c] * monthFactor[m] * activeShare(c, m, window);
    }

    String id(int customer) {
        return Ids.code("KH", customer + 1, 6);
    }

    /** The part of month m the customer existed for. */
    private double activeShare(int c, int m, DataWindow window) {
        int from = Math.max(sinceDay[c], window.monthStart(m));
        int to = window.monthEnd(m);
        return from > to ? 0 : (to - from + 1) / (double) (window.monthEnd(m) - window.monthStart(m) + 1);
    }

    private void calibrate(DataWindow window, long[] targetOrders) {
        monthFactor = new double[window.months()];
        for (int m = 0; m < window.months(); m++) {
            double relative = 0;
            for (int c = 0; c < size; c++) {
                relative += orderRate[c] * activeShare(c, m, window);
            }
            monthFactor[m] = relative == 0 ? 0 : targetOrders[m] / relative;
        }
    }
}
