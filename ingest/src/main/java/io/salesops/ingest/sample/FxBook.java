package io.salesops.ingest.sample;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/** Monthly CNY rates of USD (around 7.1–7.3) and EUR (around 7.6–8.0), a bounded random walk. */
final class FxBook {
    private final BigDecimal[] usd;
    private final BigDecimal[] eur;

    private FxBook(BigDecimal[] usd, BigDecimal[] eur) {
        this.usd = usd;
        this.eur = eur;
    }

    static FxBook build(DataWindow window, SplittableRandom random) {
        BigDecimal[] usd = new BigDecimal[window.months()];
        BigDecimal[] eur = new BigDecimal[window.months()];
        double u = Draw.uniform(random, 7.12, 7.25);
        double e = Draw.uniform(random, 7.7, 7.9);
        for (int m = 0; m < window.months(); m++) {
            u = Math.max(7.05, Math.min(7.32, u + Draw.uniform(random, -0.04, 0.04)));
            e = Math.max(7.55, Math.min(8.05, e + Draw.uniform(random, -0.08, 0.08)));
            usd[m] = Amounts.rate(u, 4);
            eur[m] = Amounts.rate(e, 4);
        }
        return new FxBook(usd, eur);
    }

    /** CNY per unit of {@link AccountBook} currency code in month m. */
    BigDecimal rate(int currency, int month) {
        return switch (currency) {
            case AccountBook.USD -> usd[month];
            case AccountBook.EUR -> eur[month];
            default -> Amounts.ONE;
        };
    }
}
