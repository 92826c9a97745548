package io.salesops.ingest.parse;

import io.salesops.warehouse.model.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the text of one export cell into the typed value of its canonical column, or says which
 * rule it breaks. Pure: the same text and settings always give the same result.
 *
 * <p>Money, quantities and rates are parsed from text into BigDecimal and rounded HALF_UP to the
 * column's scale here, the only place where ingest rounds.
 */
public final class ValueParser {

    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "1", "是");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "0", "否");
    private static final List<DateTimeFormatter> DEFAULT_DATE_FORMATS = List.of(
            strict("uuuu-M-d"), strict("uuuu/M/d"), strict("uuuu.M.d"), strict("uuuu年M月d日"), strict("uuuuMMdd"));
    private static final List<DateTimeFormatter> DEFAULT_LOCAL_DATE_TIME_FORMATS = List.of(
            strict("uuuu-M-d H:mm[:ss]"), strict("uuuu/M/d H:mm[:ss]"), strict("uuuu-M-d'T'H:mm[:ss][.SSSSSS]"));

    /** Pattern keyword for timestamps written as milliseconds since the epoch. */
    public static final String EPOCH_MILLIS = "epoch-millis";

    private final ZoneId localZone;
    private final Map<String, DateTimeFormatter> columnFormats = new HashMap<>();
    /** Per restricted column: allowed values by themselves and by their category key. */
    private final Map<String, Map<String, String>> categoryIndex = new HashMap<>();

    /**
     * @param localZone     zone of timestamps written without an offset (exports from Chinese
     *                      systems are in local time)
     * @param columnFormats column → date or date-time pattern tried before the defaults, or
     *                      {@link #EPOCH_MILLIS}
     */
    public ValueParser(ZoneId localZone, Map<String, String> columnFormats) {
        this.localZone = localZone;
        columnFormats.forEach((column, pattern) -> {
            if (!EPOCH_MILLIS.equals(pattern)) {
                this.columnFormats.put(column, pattern(pattern));
            }
        });
    }

    /**
     * A strict formatter for a user's pattern; {@code yyyy} is read as the proleptic year
     * ({@code uuuu}) because strict resolution needs an era with {@code yyyy}.
     *
     * @throws IllegalArgumentException with the reason when the pattern is not valid
     */
    public static DateTimeFormatter pattern(String pattern) {
        return strict(pattern.replace('y', 'u'));
    }

    public ZoneId localZone() {
        return localZone;
    }

    /** Parses a cell; blank text is null (the caller applies the required rule). */
    public Object parse(Column column, String text) throws ValueRejected {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return switch (column.type()) {
            case STRING -> column.restricted() ? allowedValue(column, value) : value;
            case LONG -> parseLong(column, value);
            case MONEY, QUANTITY, RATE -> parseDecimal(column, value);
            case DATE -> parseDate(column, value);
            case TIMESTAMP -> parseTimestamp(column, value);
            case BOOLEAN -> parseBoolean(column, value);
        };
    }

    private String allowedValue(Column column, String value) throws ValueRejected {
        Map<String, String> index = categoryIndex.computeIfAbsent(column.name(), name -> {
            Map<String, String> byKey = new HashMap<>();
            column.allowedValues().forEach(allowed -> byKey.put(TextNormalizer.categoryKey(allowed), allowed));
            column.allowedValues().forEach(allowed -> byKey.put(allowed, allowed));
            return byKey;
        });
        // Most cells are already canonical: look them up as they are before normalising.
        String canonical = index.get(value);
        if (canonical == null) {
            canonical = index.get(TextNormalizer.categoryKey(value));
        }
        if (canonical == null) {
            throw new ValueRejected("allowed_values", column.name() + " must be one of " + column.allowedValues()
                    + ", cannot be: " + value);
        }
        return canonical;
    }

    private static Long parseLong(Column column, String value) throws ValueRejected {
        try {
            return parseNumber(value).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ValueRejected("integer", column.name() + " must be a whole number, cannot be: " + value);
        }
    }

    private static BigDecimal parseDecimal(Column column, String value) throws ValueRejected {
        BigDecimal number;
        try {
            number = parseNumber(value);
        } catch (NumberFormatException e) {
            throw new ValueRejected("number", column.name() + " must be a number, cannot be: " + value);
        }
        BigDecimal scaled = number.setScale(column.type().scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > column.type().precision()) {
            throw new ValueRejected("range", column.name() + " has more than " + column.type().precision()
                    + " digits, cannot be: " + value);
        }
        return scaled;
    }

    /**
     * Accepts "1,234.50", "¥1234.5", "￥１２３４", "(12.00)" for negatives and "13%" (as 0.13).
     */
    static BigDecimal parseNumber(String text) {
        if (isPlainNumber(text)) {
            return new BigDecimal(text); // most cells: no separators, symbols or full-width digits
        }
        String value = TextNormalizer.halfWidth(text).strip();
        boolean percent = value.endsWith("%");
        if (percent) {
            value = value.substring(0, value.length() - 1).strip();
        }
        boolean negative = value.startsWith("(") && value.endsWith(")");
        if (negative) {
            value = value.substring(1, value.length() - 1);
        }
        value = value.replace(",", "").replace("\u00A5", "").replace("\uFFE5", "").replace(" ", "");
        BigDecimal number = new BigDecimal(value);
        if (negative) {
            number = number.negate();
        }
        return percent ? number.movePointLeft(2) : number;
    }

    /** Digits with at most one leading minus and one decimal point, as BigDecimal reads them. */
    private static boolean isPlainNumber(String text) {
        int length = text.length();
        int start = length > 1 && text.charAt(0) == '-' ? 1 : 0;
        boolean point = false;
        boolean digit = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private LocalDate parseDate(Column column, String value) throws ValueRejected {
        String text = TextNormalizer.halfWidth(value);
        DateTimeFormatter own = columnFormats.get(column.name());
        if (own != null) {
            try {
                return LocalDate.parse(text, own);
            } catch (DateTimeParseException e) {
                // fall through to the built-in formats
            }
        }
        LocalDate iso = IsoDates.date(text);
        if (iso != null) {
            return iso;
        }
        for (DateTimeFormatter format : DEFAULT_DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        // A date column filled from a timestamp export ("2025-03-04 00:00:00") keeps its date part.
        try {
            return LocalDate.ofInstant(toInstant(text), localZone);
        } catch (DateTimeException e) {
            throw new ValueRejected("date", column.name() + " must be a date like 2025-03-31, 2025/3/31 or "
                    + "2025年3月31日, cannot be: " + value);
        }
    }

    private Instant parseTimestamp(Column column, String value) throws ValueRejected {
        String text = TextNormalizer.halfWidth(value);
        DateTimeFormatter own = columnFormats.get(column.name());
        if (own != null) {
            try {
                var parsed = own.parseBest(text, LocalDateTime::from, LocalDate::from);
                return parsed instanceof LocalDateTime dateTime ? dateTime.atZone(localZone).toInstant()
                        : ((LocalDate) parsed).atStartOfDay(localZone).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to the built-in formats
            }
        }
        try {
            return toInstant(text);
        } catch (DateTimeException e) {
            throw new ValueRejected("timestamp", column.name() + " must be an ISO-8601 instant, a local date-time"
                    + " or epoch milliseconds, cannot be: " + value);
        }
    }

    private Instant toInstant(String text) {
        Instant iso = IsoDates.instant(text, localZone);
        if (iso != null) {
            return iso;
        }
        if (text.length() >= 12 && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter format : DEFAULT_LOCAL_DATE_TIME_FORMATS) {
                try {
                    return LocalDateTime.parse(text, format).atZone(localZone).toInstant();
                } catch (DateTimeParseException next) {
                    // try the next accepted format
                }
            }
            for (DateTimeFormatter format : DEFAULT_DATE_FORMATS) {
                try {
                    return LocalDate.parse(text, format).atStartOfDay(localZone).toInstant();
                } catch (DateTimeParseException next) {
                    // try the next accepted format
                }
            }
            throw new DateTimeException("unparseable: " + text);
        }
    }

    private static Boolean parseBoolean(Column column, String value) throws ValueRejected {
        if ("true".equals(value)) {
            return Boolean.TRUE; // the common spellings first, before any normalising
        }
        if ("false".equals(value)) {
            return Boolean.FALSE;
        }
        String key = TextNormalizer.categoryKey(value);
        if (TRUE.contains(key)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(key)) {
            return Boolean.FALSE;
        }
        throw new ValueRejected("boolean", column.name() + " must be true or false, cannot be: " + value);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
