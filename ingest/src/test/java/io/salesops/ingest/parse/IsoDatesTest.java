package io.salesops.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written ISO reader agrees with java.time's own parsers, and declines what it does not know. */
class IsoDatesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-04", "2024-02-29", "1999-12-31", "2025-01-01"})
    void datesMatchJavaTime(String text) {
        assertEquals(LocalDate.parse(text), IsoDates.date(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29", "2025-13-01", "2025-00-10", "2025-3-4", "2025/03/04", "20250304",
            "2025-03-04 ", "２０２５-03-04", "abcd-ef-gh"})
    void declinesDatesItDoesNotRead(String text) {
        assertNull(IsoDates.date(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-01T00:36:00Z", "2023-11-01T00:36Z", "2023-11-01T00:36:00.5Z",
            "2023-11-01T00:36:00.123456789Z", "2023-11-01T23:59:59+08:00", "2023-11-01T00:00:00-05:30",
            "2024-02-29T12:00:00.000+00:00"})
    void offsetTimestampsMatchJavaTime(String text) {
        assertEquals(OffsetDateTime.parse(text).toInstant(), IsoDates.instant(text, SHANGHAI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-01T00:36:00", "2023-11-01 00:36:00", "2023-11-01 00:36", "2023-11-01T08:15:30.25"})
    void localTimestampsAreInTheLocalZone(String text) {
        Instant expected = LocalDateTime.parse(text.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
        assertEquals(expected, IsoDates.instant(text, SHANGHAI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-01T24:00:00Z", "2023-11-31T10:00:00Z", "2023-11-01T10:60Z", "2023-11-01T10:00:00+19:00",
            "2023-11-01T10:00:00.Z", "2023-11-01T10:00:00.1234567890Z", "2023-11-01T10:00:00 UTC", "2023/11/01 10:00",
            "2023-11-01", "1700000000000"})
    void declinesTimestampsItDoesNotRead(String text) {
        assertNull(IsoDates.instant(text, SHANGHAI));
    }
}
