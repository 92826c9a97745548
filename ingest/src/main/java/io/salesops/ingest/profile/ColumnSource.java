package io.salesops.ingest.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the text of one canonical column comes from in a source record. */
public sealed interface ColumnSource {

    /** The source headers this source reads; detection and header checks use them. */
    List<String> headers();

    /** The text for this record; {@code field} returns a header's value. */
    String extract(Function<String, String> field);

    /** One source column, as is. */
    record Header(String header) implements ColumnSource {
        @Override
        public List<String> headers() {
            return List.of(header);
        }

        @Override
        public String extract(Function<String, String> field) {
            return field.apply(header);
        }
    }

    /** The same text on every row (a currency the export leaves implicit, say). */
    record Constant(String value) implements ColumnSource {
        @Override
        public List<String> headers() {
            return List.of();
        }

        @Override
        public String extract(Function<String, String> field) {
            return value;
        }
    }

    /**
     * Text composed from several columns, e.g. {@code "{Company Code}-{Customer No}"} for a key the
     * source splits in two. Blank when every referenced column is blank.
     */
    record Template(String template, List<String> headers) implements ColumnSource {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

        public static Template of(String template) {
            List<String> headers = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(template);
            while (matcher.find()) {
                headers.add(matcher.group(1));
            }
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("a template needs at least one {column}, cannot be: " + template);
            }
            return new Template(template, List.copyOf(headers));
        }

        @Override
        public String extract(Function<String, String> field) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            boolean anyValue = false;
            while (matcher.find()) {
                String value = field.apply(matcher.group(1));
                anyValue |= value != null && !value.isBlank();
                matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.strip()));
            }
            matcher.appendTail(out);
            return anyValue ? out.toString() : null;
        }
    }
}
