package io.salesops.ingest.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How an invoice gets paid: 70 % of payers on time (up to two weeks before the due date), the
 * others 5–90 days late; one invoice in ten in two instalments; 3 % never. Payments after the
 * window are not known yet; an invoice paid in full by then closes its order.
 */
record Settlement(List<Payment> payments, boolean paidInFull) {

    record Payment(int day, BigDecimal amount, String method) {
    }

    private static final String[] METHODS = {"bank_transfer", "acceptance_bill", "cash"};
    private static final double[] DOMESTIC_METHODS = {0.60, 0.35, 0.05};

    static Settlement draw(SplittableRandom random, int invoiceDay, int dueDay, BigDecimal gross, boolean export,
                           int endDay) {
        double u = random.nextDouble();
        if (u < 0.03) {
            return new Settlement(List.of(), false);
        }
        String method = export ? "bank_transfer" : METHODS[Draw.weighted(random, DOMESTIC_METHODS)];
        List<Payment> planned = new ArrayList<>(2);
        int first = payDay(random, invoiceDay, dueDay);
        if (u < 0.13) {
            BigDecimal part = Amounts.share(gross, Draw.uniform(random, 0.3, 0.7));
            planned.add(new Payment(first, part, method));
            planned.add(new Payment(first + Draw.between(random, 20, 75), gross.subtract(part), method));
        } else {
            planned.add(new Payment(first, gross, method));
        }
        List<Payment> known = planned.stream().filter(p -> p.day() <= endDay).toList();
        return new Settlement(known, known.size() == planned.size());
    }

    private static int payDay(SplittableRandom random, int invoiceDay, int dueDay) {
        if (Draw.chance(random, 0.7)) {
            return Math.max(invoiceDay + 1, dueDay - Draw.between(random, 0, 14));
        }
        return dueDay + Draw.between(random, 5, 90);
    }
}
