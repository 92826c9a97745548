package io.salesops.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueParserTest {

    static final ValueParser PARSER = new ValueParser(ZoneId.of("Asia/Shanghai"), java.util.Map.of());
    static final Column AMOUNT = CanonicalTables.OPPORTUNITIES.column("amount").orElseThrow();
    static final Column CLOSE_DATE = CanonicalTables.OPPORTUNITIES.column("close_date").orElseThrow();
    static final Column CREATED_AT = CanonicalTables.OPPORTUNITIES.column("created_at").orElseThrow();
    static final Column LEAD_SOURCE = CanonicalTables.OPPORTUNITIES.column("lead_source").orElseThrow();
    static final Column IS_WON = CanonicalTables.OPPORTUNITIES.column("is_won").orElseThrow();
    static final Column TAX_RATE = CanonicalTables.ORDERS.column("tax_rate").orElseThrow();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.5|1234.50", "'1,234,567.891'|1234567.89", "¥1,000|1000.00", "￥１２３４．５|1234.50",
            "(12.00)|-12.00", "-0.005|-0.01", "0.005|0.01"})
    void moneyIsExactAndRoundedHalfUpToTwoPlaces(String text, String expected) throws Exception {
        assertThat(PARSER.parse(AMOUNT, text)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void aPercentageIsAFraction() throws Exception {
        assertThat(PARSER.parse(TAX_RATE, "13%")).isEqualTo(new BigDecimal("0.130000"));
    }

    @ParameterizedTest
    @CsvSource({"2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "20250301", "２０２５-０３-０１"})
    void datesInTheFormatsChineseSystemsWrite(String text) throws Exception {
        assertThat(PARSER.parse(CLOSE_DATE, text)).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @ParameterizedTest
    @CsvSource({"2025-13-45", "N/A", "31/02/2025", "2025-02-30"})
    void impossibleDatesAreRejectedWithTheRuleAndValue(String text) {
        assertThatThrownBy(() -> PARSER.parse(CLOSE_DATE, text))
                .isInstanceOf(ValueRejected.class)
                .hasMessage("close_date must be a date like 2025-03-31, 2025/3/31 or 2025年3月31日, cannot be: "
                        + text);
    }

    @Test
    void localTimestampsAreInTheBusinessZoneAndInstantsKeepTheirOffset() throws Exception {
        assertThat(PARSER.parse(CREATED_AT, "2025-03-04 08:15:00")).isEqualTo(Instant.parse("2025-03-04T00:15:00Z"));
        assertThat(PARSER.parse(CREATED_AT, "2025-03-04T08:15:00Z")).isEqualTo(Instant.parse("2025-03-04T08:15:00Z"));
        assertThat(PARSER.parse(CREATED_AT, "1741076100000")).isEqualTo(Instant.parse("2025-03-04T08:15:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"Trade Show", "' TRADE-SHOW '", "trade_show", "Trade  Show"})
    void categoryVariantsMapToTheCanonicalValue(String text) throws Exception {
        assertThat(PARSER.parse(LEAD_SOURCE, text)).isEqualTo("trade_show");
    }

    @Test
    void anUnknownCategoryIsRejectedNamingTheAllowedValues() {
        assertThatThrownBy(() -> PARSER.parse(LEAD_SOURCE, "billboard"))
                .hasMessage("lead_source must be one of [trade_show, website, referral, email_campaign, cold_call],"
                        + " cannot be: billboard");
    }

    @Test
    void booleansInEnglishAndChinese() throws Exception {
        assertThat(PARSER.parse(IS_WON, "是")).isEqualTo(true);
        assertThat(PARSER.parse(IS_WON, "FALSE")).isEqualTo(false);
        assertThatThrownBy(() -> PARSER.parse(IS_WON, "maybe")).hasMessage("is_won must be true or false, cannot be: maybe");
    }

    @Test
    void blankIsNull() throws Exception {
        assertThat(PARSER.parse(AMOUNT, "  ")).isNull();
    }
}
