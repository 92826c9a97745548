package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Vocabulary;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The CRM accounts as small parallel arrays, in creation order (so ids follow creation dates):
 * two thirds were in the CRM before the window, the rest are created during it. An account's size
 * drives how often it gets opportunities and how much it buys. Names are not kept: they are
 * recomputed from the account's own random stream ({@link #name}).
 */
final class AccountBook {
    static final int CNY = 0;
    static final int USD = 1;
    static final int EUR = 2;
    /** Customer mix by industry, in {@link Vocabulary#INDUSTRIES} order. */
    static final double[] INDUSTRY_WEIGHTS = {0.22, 0.20, 0.12, 0.08, 0.10, 0.13, 0.07, 0.08};
    private static final double EXISTING_SHARE = 0.65;

    final int size;
    final int[] createdDay;
    final byte[] region;
    final byte[] industry;
    final byte[] currency;
    /** The rep given the account when it was created (or at the window start); see {@link OrgChart#ownerAt}. */
    final int[] owner;
    /** Relative size of the account (median 1): more opportunities, bigger orders. */
    final double[] weight;
    /** Prefix sums of weight: an opportunity picks its account in proportion to its weight. */
    final double[] cumulativeWeight;
    final boolean[] boughtBefore;
    /** Filled in by {@link CustomerBook}: the ERP customer index or -1. */
    final int[] customer;
    private final RandomStreams streams;

    private AccountBook(int size, RandomStreams streams) {
        this.size = size;
        this.streams = streams;
        this.createdDay = new int[size];
        this.region = new byte[size];
        this.industry = new byte[size];
        this.currency = new byte[size];
        this.owner = new int[size];
        this.weight = new double[size];
        this.cumulativeWeight = new double[size];
        this.boughtBefore = new boolean[size];
        this.customer = new int[size];
        Arrays.fill(customer, -1);
    }

    static int count(double scale) {
        return (int) Math.max(50, Math.round(100_000 * scale));
    }

    static AccountBook build(double scale, DataWindow window, OrgChart org, RandomStreams streams) {
        SplittableRandom random = streams.forTable("world.accounts");
        AccountBook book = new AccountBook(count(scale), streams);
        long[] createdPerMonth = window.allocate(Math.round(book.size * (1 - EXISTING_SHARE)));
        int next = 0;
        for (int m = 0; m < window.months(); m++) {
            for (long i = 0; i < createdPerMonth[m]; i++) {
                book.createdDay[next++] = DataWindow.workday(random, window.monthStart(m), window.monthEnd(m));
            }
        }
        while (next < book.size) {
            book.createdDay[next++] = window.startDay() - Draw.between(random, 1, 6 * 365);
        }
        Arrays.sort(book.createdDay);
        double running = 0;
        for (int a = 0; a < book.size; a++) {
            book.region[a] = (byte) Draw.weighted(random, Geography.REGION_WEIGHTS);
            book.industry[a] = (byte) Draw.weighted(random, INDUSTRY_WEIGHTS);
            double u = random.nextDouble();
            book.currency[a] = (byte) (u < 0.03 ? USD : u < 0.035 ? EUR : CNY);
            book.weight[a] = Math.min(25, Draw.lognormal(random, 1, 1.0));
            running += book.weight[a];
            book.cumulativeWeight[a] = running;
            boolean existing = book.createdDay[a] < window.startDay();
            book.boughtBefore[a] = existing && Draw.chance(random, Math.min(0.85, 0.25 + 0.2 * book.weight[a]));
            book.owner[a] = org.pickSeller(random, book.region[a], book.industry[a],
                    Math.max(book.createdDay[a], window.startDay()));
        }
        return book;
    }

    /** How many accounts exist on {@code day}: they are sorted by creation day. */
    int createdBy(int day) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (createdDay[mid] <= day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** An account existing on {@code day}, bigger ones more likely. */
    int pickExisting(SplittableRandom random, int day) {
        int existing = createdBy(day);
        return existing == 0 ? 0 : Draw.cumulative(random, cumulativeWeight, existing);
    }

    String id(int account) {
        return Ids.code("ACC", account + 1, 7);
    }

    CompanyNames.CompanyName name(int account) {
        return CompanyNames.draw(streams.forEntity("account.name", account), region[account], industry[account]);
    }

    String currencyCode(int account) {
        return Vocabulary.CURRENCIES.get(currency[account]);
    }
}
