package io.salesops.ingest.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * All opportunities as parallel arrays, in creation order. Each deal draws its account (bigger
 * accounts more often), an outcome (about 27 % won), a cycle of 30–120 days and, for lost deals,
 * the stage where it died. Deals whose cycle ends after the window are still open, in the stage
 * their elapsed share of the cycle implies. About 37 % come from converted leads.
 */
final class OpportunityBook {
    static final int PROSPECTING = 0;
    static final int QUALIFICATION = 1;
    static final int PROPOSAL = 2;
    static final int NEGOTIATION = 3;
    static final int CLOSED_WON = 4;
    static final int CLOSED_LOST = 5;
    static final double WIN_RATE = 0.27;
    /** Leads are three per opportunity and about 12.5 % of them convert. */
    static final double FROM_LEAD_SHARE = 0.375;
    private static final double[] LOSS_STAGE_WEIGHTS = {0.30, 0.30, 0.25, 0.15};

    final int size;
    final int[] account;
    final long[] createdSecond;
    final int[] closeDay;
    final byte[] stage;
    /** For lost deals, the last open stage reached; for others, the furthest open stage. */
    final byte[] lastOpenStage;
    /** In the account's currency, whole units. */
    final int[] amount;
    final boolean[] fromLead;
    /** {@link CampaignBook#leadOrigin} of converted leads; 0 when not from a lead. */
    final int[] origin;
    /** Early-stage deals a rep logged before linking an account: the CRM shows no account. */
    final boolean[] withoutAccount;

    private OpportunityBook(int size) {
        this.size = size;
        account = new int[size];
        createdSecond = new long[size];
        closeDay = new int[size];
        stage = new byte[size];
        lastOpenStage = new byte[size];
        amount = new int[size];
        fromLead = new boolean[size];
        origin = new int[size];
        withoutAccount = new boolean[size];
    }

    static long count(GeneratorSettings settings) {
        return Math.max(100, Math.round(1_000_000 * settings.scale() * settings.months() / 36.0));
    }

    static OpportunityBook build(GeneratorSettings settings, DataWindow window, AccountBook accounts,
                                 CampaignBook campaigns, RandomStreams streams) {
        SplittableRandom random = streams.forTable("world.opportunities");
        long[] perMonth = window.allocate(count(settings));
        OpportunityBook book = new OpportunityBook((int) count(settings));
        int endDay = window.endDay();
        int next = 0;
        for (int m = 0; m < window.months(); m++) {
            int first = next;
            for (long i = 0; i < perMonth[m]; i++) {
                int day = DataWindow.workday(random, window.monthStart(m), window.monthEnd(m));
                book.createdSecond[next++] = DataWindow.officeSecond(random, day);
            }
            Arrays.sort(book.createdSecond, first, next);
        }
        for (int o = 0; o < book.size; o++) {
            int createdDay = (int) (book.createdSecond[o] / 86_400);
            int account = accounts.pickExisting(random, createdDay);
            boolean won = Draw.chance(random, WIN_RATE);
            int cycle = (int) Math.round(won ? Draw.triangular(random, 30, 55, 120) : Draw.triangular(random, 30, 45, 110));
            int lossStage = Draw.weighted(random, LOSS_STAGE_WEIGHTS);
            book.account[o] = account;
            book.closeDay[o] = createdDay + cycle;
            if (book.closeDay[o] <= endDay) {
                book.stage[o] = (byte) (won ? CLOSED_WON : CLOSED_LOST);
                book.lastOpenStage[o] = (byte) (won ? NEGOTIATION : lossStage);
            } else {
                double elapsed = (endDay - createdDay) / (double) cycle;
                int reached = elapsed < 0.2 ? PROSPECTING : elapsed < 0.45 ? QUALIFICATION : elapsed < 0.7 ? PROPOSAL
                        : NEGOTIATION;
                book.stage[o] = (byte) (won ? reached : Math.min(reached, lossStage));
                book.lastOpenStage[o] = book.stage[o];
            }
            double value = Math.min(5_000_000, Math.max(5_000,
                    Draw.lognormal(random, 60_000, 0.9) * StrictMath.pow(accounts.weight[account], 0.3)));
            if (accounts.currency[account] != AccountBook.CNY) {
                value /= 7.5;
            }
            book.amount[o] = (int) Math.max(100, Math.round(value / 100) * 100);
            book.fromLead[o] = Draw.chance(random, FROM_LEAD_SHARE);
            book.origin[o] = book.fromLead[o] ? campaigns.leadOrigin(random, createdDay) : 0;
            book.withoutAccount[o] = book.stage[o] == PROSPECTING && Draw.chance(random, 0.25);
        }
        return book;
    }

    int createdDay(int opportunity) {
        return (int) (createdSecond[opportunity] / 86_400);
    }

    boolean closed(int opportunity) {
        return stage[opportunity] >= CLOSED_WON;
    }

    boolean won(int opportunity) {
        return stage[opportunity] == CLOSED_WON;
    }

    String id(int opportunity) {
        return Ids.code("OPP", opportunity + 1, 8);
    }

    /** The first opportunity created on or after {@code day}. */
    int firstCreatedOn(int day) {
        long second = day * 86_400L;
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (createdSecond[mid] < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
