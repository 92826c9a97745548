package io.salesops.ingest.sample;

import java.util.SplittableRandom;

/** About 2.5 contacts per account, stored as the account of each contact and the day it was entered. */
final class ContactBook {
    final int size;
    final int[] account;
    final int[] createdDay;

    private ContactBook(int[] account, int[] createdDay) {
        this.size = account.length;
        this.account = account;
        this.createdDay = createdDay;
    }

    static ContactBook build(AccountBook accounts, DataWindow window, SplittableRandom random) {
        int[] perAccount = new int[accounts.size];
        int total = 0;
        for (int a = 0; a < accounts.size; a++) {
            perAccount[a] = 1 + Math.min(7, Draw.poisson(random, 1.5 * Math.min(2, StrictMath.sqrt(accounts.weight[a]))));
            total += perAccount[a];
        }
        int[] account = new int[total];
        int[] createdDay = new int[total];
        int next = 0;
        for (int a = 0; a < accounts.size; a++) {
            for (int i = 0; i < perAccount[a]; i++) {
                account[next] = a;
                int lag = i == 0 ? Draw.between(random, 0, 3) : Draw.between(random, 0, 500);
                createdDay[next++] = Math.min(window.endDay(), accounts.createdDay[a] + lag);
            }
        }
        return new ContactBook(account, createdDay);
    }

    String id(int contact) {
        return Ids.code("CON", contact + 1, 8);
    }
}
