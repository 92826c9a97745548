package io.salesops.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the ISO shapes nearly every export uses ({@code 2025-03-04}, {@code 2025-03-04T08:15:00Z},
 * {@code 2025-03-04 08:15:00}, {@code 2025-03-04T08:15:00.123+08:00}) by hand.
 *
 * <p>Why: {@code DateTimeFormatter} allocates a map per parse and tries formats by exception, which
 * made date parsing the largest single cost of ingest. These methods return null for anything
 * else, so the caller falls back to the formatters; they never accept a value the formatters would
 * reject (out-of-range fields fall back too, and are rejected there).
 */
final class IsoDates {

    private IsoDates() {
    }

    /** {@code yyyy-MM-dd}, or null. */
    static LocalDate date(String text) {
        if (text.length() != 10 || !isDatePart(text)) {
            return null;
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-dd[T| ]HH:mm[:ss[.f…]]} followed by {@code Z}, {@code ±HH:MM} or nothing (then
     * in {@code localZone}), or null.
     */
    static Instant instant(String text, ZoneId localZone) {
        int length = text.length();
        if (length < 16 || !isDatePart(text) || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
                || !isDigits(text, 11, 13) || text.charAt(13) != ':' || !isDigits(text, 14, 16)) {
            return null;
        }
        int position = 16;
        int second = 0;
        int nanos = 0;
        if (position < length && text.charAt(position) == ':') {
            if (length < 19 || !isDigits(text, 17, 19)) {
                return null;
            }
            second = digits(text, 17, 19);
            position = 19;
            if (position < length && text.charAt(position) == '.') {
                int start = ++position;
                while (position < length && isDigit(text.charAt(position))) {
                    position++;
                }
                int count = position - start;
                if (count == 0 || count > 9) {
                    return null;
                }
                nanos = digits(text, start, position);
                for (int i = count; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        ZoneId zone;
        if (position == length) {
            zone = localZone;
        } else if (position == length - 1 && text.charAt(position) == 'Z') {
            zone = ZoneOffset.UTC;
        } else if (length - position == 6 && (text.charAt(position) == '+' || text.charAt(position) == '-')
                && isDigits(text, position + 1, position + 3) && text.charAt(position + 3) == ':'
                && isDigits(text, position + 4, position + 6)) {
            int minutes = digits(text, position + 1, position + 3) * 60 + digits(text, position + 4, position + 6);
            try {
                zone = ZoneOffset.ofTotalSeconds((text.charAt(position) == '-' ? -60 : 60) * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                    digits(text, 11, 13), digits(text, 14, 16), second, nanos).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDatePart(String text) {
        return isDigits(text, 0, 4) && text.charAt(4) == '-' && isDigits(text, 5, 7) && text.charAt(7) == '-'
                && isDigits(text, 8, 10);
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
