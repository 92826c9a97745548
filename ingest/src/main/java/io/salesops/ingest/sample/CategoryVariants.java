package io.salesops.ingest.sample;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Misspellings of restricted values as people and other systems produce them ({@code Closed Won},
 * {@code  EMAIL-CAMPAIGN}, {@code cny}). Every variant differs from the value but {@link #normalise}
 * maps both to the same text, so an ingest normaliser can repair them.
 */
final class CategoryVariants {
    private static final Pattern SEPARATORS = Pattern.compile("[ \\-]+");

    private CategoryVariants() {
    }

    static String variant(String value, SplittableRandom random) {
        int first = random.nextInt(5);
        for (int i = 0; i < 5; i++) {
            String candidate = shape((first + i) % 5, value);
            if (!candidate.equals(value)) {
                return candidate;
            }
        }
        return " " + value;
    }

    /** Trim, lowercase, spaces and hyphens to underscores: the repair an ingest can apply safely. */
    static String normalise(String value) {
        return SEPARATORS.matcher(value.trim().toLowerCase(Locale.ROOT)).replaceAll("_");
    }

    private static String shape(int shape, String value) {
        return switch (shape) {
            case 0 -> words(value, " ");
            case 1 -> " " + value.toUpperCase(Locale.ROOT).replace('_', '-');
            case 2 -> value + " ";
            case 3 -> words(value, "-");
            default -> value.toUpperCase(Locale.ROOT);
        };
    }

    /** closed_won → Closed Won; CNY → Cny. */
    private static String words(String value, String separator) {
        StringBuilder out = new StringBuilder();
        for (String word : value.split("_")) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }
}
