package io.salesops.ingest.sample;

/** Whole-number shares of a total. */
final class Shares {
    private Shares() {
    }

    /**
     * Splits {@code total} in proportion to {@code weights} by largest remainder, so the parts add
     * up exactly and no month or region loses its share to rounding.
     */
    static long[] allocate(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum == 0 ? 0 : total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    /** Like {@link #allocate(long, double[])} but every part gets at least {@code minimum} first. */
    static long[] allocate(long total, double[] weights, long minimum) {
        long[] parts = allocate(Math.max(0, total - minimum * weights.length), weights);
        for (int i = 0; i < parts.length; i++) {
            parts[i] += minimum;
        }
        return parts;
    }
}
