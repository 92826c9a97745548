package io.salesops.ingest.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random draws beyond uniform ones. Only {@code nextLong}, {@code nextInt} and {@code nextDouble}
 * of the stream are used, with {@link StrictMath} on top: results are the same on every JVM, which
 * the byte-identical output needs ({@code nextGaussian} and {@code Math.log} make no such promise).
 */
final class Draw {
    private Draw() {
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in [low, high], both included. */
    static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Index i with probability weights[i] / sum(weights). */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Index in [0, size) drawn by prefix sums of weights: the first i with cumulative[i] > u. */
    static int cumulative(SplittableRandom random, double[] cumulative, int size) {
        double u = random.nextDouble() * cumulative[size - 1];
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Box-Muller with StrictMath. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Positive, right-skewed: half of the draws are below {@code median}. */
    static double lognormal(SplittableRandom random, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(random));
    }

    static double triangular(SplittableRandom random, double low, double mode, double high) {
        double u = random.nextDouble();
        double split = (mode - low) / (high - low);
        if (u < split) {
            return low + StrictMath.sqrt(u * (high - low) * (mode - low));
        }
        return high - StrictMath.sqrt((1 - u) * (high - low) * (high - mode));
    }

    /** Knuth's method for small means, a rounded normal for large ones. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(random)));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Fisher-Yates over the first {@code size} elements. */
    static void shuffle(SplittableRandom random, long[] values, int size) {
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
